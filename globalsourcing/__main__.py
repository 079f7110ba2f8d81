"""``python -m globalsourcing``: see globalsourcing.cli."""

import sys

from globalsourcing.cli import main

sys.exit(main())
