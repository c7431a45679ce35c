"""`python -m vnkg ...`: the same command line as the `vnkg` script, for a checkout on
PYTHONPATH or an environment whose scripts folder is not on PATH."""

import sys

from vnkg.cli import main

sys.exit(main())
