"""`python -m vnkg ...` runs the command line, as the `vnkg` command does."""

import sys

from vnkg.cli import main

sys.exit(main())
