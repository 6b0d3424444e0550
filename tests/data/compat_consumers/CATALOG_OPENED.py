from fixture_codes.catalog_opened_groups import CatalogOpenedGroups, parse


def group(raw: object) -> CatalogOpenedGroups:
    return parse(raw)
