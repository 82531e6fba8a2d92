"""helpfinder: who can help with this, and how do I reach them?

The library behind the ``helpfinder`` command. Load a directory, filter it,
search it and export it without the command line::

    from helpfinder import load, search
    directory = load()                      # the bundled directory
    for match in search(directory, "someone is grooming my son online").services[:3]:
        print(match.entry.name)

Names are imported on first use, so ``import helpfinder`` stays cheap.
"""

# Not typing.TYPE_CHECKING: importing typing costs ~5 ms of every command's start-up.
TYPE_CHECKING = False

__version__ = "1.0.0"

__all__ = [
    "Directory",
    "DirectoryError",
    "Problem",
    "Service",
    "Contact",
    "Need",
    "Topic",
    "UnknownName",
    "load",
    "check_file",
    "search",
    "__version__",
]

_LOCATIONS = {
    "Directory": "directory",
    "UnknownName": "directory",
    "load": "loader",
    "check_file": "loader",
    "DirectoryError": "problems",
    "Problem": "problems",
    "Service": "model",
    "Contact": "model",
    "Need": "model",
    "Topic": "model",
    "search": "ranking",  # the module is not called "search", so it can never shadow the function
}

if TYPE_CHECKING:
    from .directory import Directory, UnknownName
    from .loader import check_file, load
    from .model import Contact, Need, Service, Topic
    from .problems import DirectoryError, Problem
    from .ranking import search


def __getattr__(name: str) -> object:
    if name in _LOCATIONS:
        from importlib import import_module

        value = getattr(import_module(f".{_LOCATIONS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'helpfinder' has no attribute {name!r}")
