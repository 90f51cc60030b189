"""The closed vocabularies that data, configuration and the command line share, defined once.

A module of constants only, so the command line can offer them as choices without loading the
model.
"""

KINDS = ("day", "week")  # a day lasts one day; a week spans its era's ``days``
# The UN's official languages; an observance's ``name`` is the English one.
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The output modes a user can ask for by name; a terminal is what "auto" picks when it is one.
MODES = ("plain", "json", "csv", "markdown")
