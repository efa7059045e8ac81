"""Building blocks of the rule baseline (`aidner.models.rules.RuleModel`).

One job per module: `lexicons` (word lists under aidner/data/lexicons), `gazetteer`
(real divisions), `patterns` (money, counts, dates), `names` (institutions,
departments, towns, persons), `spans` (candidate spans and overlap resolution),
`relations` (trigger-based relations).
"""
