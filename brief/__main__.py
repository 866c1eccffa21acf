"""`python -m brief`: run the command line."""

import sys

from brief.run.cli import main

sys.exit(main())
