"""Training-time code: corpus generation, gazetteer building, model training."""
