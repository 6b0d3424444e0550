from fixture_codes.catalog_kind_changed_reasons import CatalogKindChangedReasons

LOWER: str = CatalogKindChangedReasons.FILE_NOT_FOUND.lower()
