from fixture_codes.catalog_closed_reasons import CatalogClosedReasons, parse_strict

MEMBER: CatalogClosedReasons = parse_strict("FILE_NOT_FOUND")
