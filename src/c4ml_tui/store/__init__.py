"""What the user keeps: where it lives (``paths``), how it is written (``atomic``), and per program
identity (``core.identity``) the stars (``favourites``) and the chair's log (``chairlog``);
``legacy`` carries data over from older layouts."""
