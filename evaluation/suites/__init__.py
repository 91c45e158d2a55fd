"""One module per gold set; each has NAME, TITLE and run(ctx) -> SuiteResult."""
