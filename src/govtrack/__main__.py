"""``python -m govtrack``: the same as the ``govtrack`` command."""

import sys

from govtrack.cli import main

sys.exit(main())
