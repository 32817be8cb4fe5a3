from django.db import migrations

from smexchange.vocab import isic


def load_sectors(apps, schema_editor):
    sector_model = apps.get_model("common", "Sector")
    rows = [
        sector_model(code=code, section=code, name_en=label.en, name_zh=label.zh)
        for code, label in isic.SECTIONS.items()
    ]
    rows += [
        sector_model(
            code=code, section=division.section, name_en=division.label.en, name_zh=division.label.zh
        )
        for code, division in isic.DIVISIONS.items()
    ]
    sector_model.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("common", "0001_initial")]
    operations = [migrations.RunPython(load_sectors, migrations.RunPython.noop)]
