"""`python -m aidner` is the `aidner` command."""
import sys

from aidner.cli import main

sys.exit(main())
