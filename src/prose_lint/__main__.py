from prose_lint.cli import main

raise SystemExit(main())
