"""Reading observance data: validating TOML files into records, and records into the model.

``reading`` reads files within bounds, ``locate`` finds a key's line, ``checks`` holds the
generic checker and ``keys`` the declarative key tables and vocabularies, ``observance`` and
``history`` check each table kind, ``records`` turns records into the model (the only place
that does), ``bundle`` compiles and reads the bundled data, and ``dataset`` brings the bundled
and the user's observances together.
"""
