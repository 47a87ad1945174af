"""Over de data: the catalogue, editions, build facts and the methods, as one view built from query rows."""
