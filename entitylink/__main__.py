from entitylink.cli import main

main()
