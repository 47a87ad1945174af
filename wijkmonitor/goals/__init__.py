"""Goals of the renewal programme: configuration (`config`), progress status (`status`), tables and charts."""
