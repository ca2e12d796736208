"""Sub-commands of the ``storybrief`` command line, one module each."""
