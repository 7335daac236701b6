from loosstory.cli import main

raise SystemExit(main())
