"""Synthetic people's names and contact details: seeded, never a real person's data."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.utils.text import slugify
from faker import Faker

from smexchange.demo.places import FAKER_LOCALES


@dataclass(frozen=True)
class PersonName:
    given: str
    family: str
    local: str = ""


# (local, Latin) pairs. Faker has no transcriptions for these scripts, so they are written out here.
_CN_FAMILY = (
    ("张", "Zhang"), ("王", "Wang"), ("李", "Li"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("罗", "Luo"), ("高", "Gao"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
)  # fmt: skip
_CN_GIVEN = (
    ("伟", "wei"), ("芳", "fang"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
    ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"),
    ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"),
    ("刚", "gang"), ("建", "jian"), ("华", "hua"), ("国", "guo"), ("志", "zhi"), ("海", "hai"),
    ("晓", "xiao"), ("春", "chun"), ("宇", "yu"), ("文", "wen"), ("红", "hong"), ("斌", "bin"),
)  # fmt: skip
_JP_FAMILY = (
    ("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"), ("伊藤", "Ito"),
    ("渡辺", "Watanabe"), ("山本", "Yamamoto"), ("中村", "Nakamura"), ("小林", "Kobayashi"),
    ("加藤", "Kato"), ("吉田", "Yoshida"), ("山田", "Yamada"),
)  # fmt: skip
_JP_GIVEN = (
    ("健", "Ken"), ("大輔", "Daisuke"), ("翔太", "Shota"), ("美咲", "Misaki"), ("陽子", "Yoko"),
    ("浩", "Hiroshi"), ("直樹", "Naoki"), ("恵", "Megumi"), ("隆", "Takashi"), ("由美", "Yumi"),
    ("誠", "Makoto"), ("智子", "Tomoko"),
)  # fmt: skip
_KR_FAMILY = (
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"),
    ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"),
)  # fmt: skip
_KR_GIVEN = (
    ("민준", "Min-jun"), ("서연", "Seo-yeon"), ("지훈", "Ji-hoon"), ("수빈", "Su-bin"), ("현우", "Hyun-woo"),
    ("지은", "Ji-eun"), ("성민", "Sung-min"), ("예린", "Ye-rin"), ("동현", "Dong-hyun"), ("하은", "Ha-eun"),
)  # fmt: skip
# Russian family names take a feminine ending after a woman's given name, hence the flag.
_RU_GIVEN = (
    ("Алексей", "Aleksey", False), ("Дмитрий", "Dmitry", False), ("Сергей", "Sergey", False),
    ("Андрей", "Andrey", False), ("Михаил", "Mikhail", False), ("Игорь", "Igor", False),
    ("Ирина", "Irina", True), ("Елена", "Elena", True), ("Ольга", "Olga", True),
    ("Наталья", "Natalya", True), ("Татьяна", "Tatyana", True), ("Анна", "Anna", True),
)  # fmt: skip
_RU_FAMILY = (
    ("Иванов", "Ivanov"), ("Смирнов", "Smirnov"), ("Кузнецов", "Kuznetsov"), ("Попов", "Popov"),
    ("Соколов", "Sokolov"), ("Лебедев", "Lebedev"), ("Козлов", "Kozlov"), ("Новиков", "Novikov"),
    ("Морозов", "Morozov"), ("Волков", "Volkov"),
)  # fmt: skip
_SA_GIVEN = (
    ("محمد", "Mohammed"), ("عبدالله", "Abdullah"), ("فهد", "Fahad"), ("خالد", "Khalid"),
    ("سعود", "Saud"), ("نورة", "Noura"), ("سارة", "Sarah"), ("فيصل", "Faisal"),
    ("تركي", "Turki"), ("ريم", "Reem"),
)  # fmt: skip
_SA_FAMILY = (
    ("العتيبي", "Al-Otaibi"), ("القحطاني", "Al-Qahtani"), ("الغامدي", "Al-Ghamdi"),
    ("الشمري", "Al-Shammari"), ("الدوسري", "Al-Dosari"), ("الزهراني", "Al-Zahrani"),
    ("الحربي", "Al-Harbi"), ("المطيري", "Al-Mutairi"),
)  # fmt: skip

# Reserved for fiction or documentation, so no real subscriber can be reached:
# North American 555-01XX, Ofcom's drama range, ACMA's drama range.
_PHONE_FORMATS = {
    "US": "+1 202 555 01{:02d}",
    "CA": "+1 416 555 01{:02d}",
    "GB": "+44 20 7946 0{:03d}",
    "AU": "+61 2 5550 0{:03d}",
}
_MAIL_DOMAINS = ("example.com", "example.org", "example.net")


class NameMaker:
    """Makes names for one country at a time from a seeded Random and seeded Fakers."""

    def __init__(self, rng: random.Random, *, seed: int) -> None:
        self.rng = rng
        self._fakers: dict[str, Faker] = {}
        self._seed = seed
        self._mail_counter = 0

    def _faker(self, country: str) -> Faker:
        if country not in self._fakers:
            faker = Faker(FAKER_LOCALES.get(country, "en_US"))
            # One seed per locale, derived from the world's seed, so adding a country changes no other.
            faker.seed_instance(f"{self._seed}-{country}")
            self._fakers[country] = faker
        return self._fakers[country]

    def person(self, country: str) -> PersonName:
        pick = self.rng.choice
        if country == "CN":
            family = pick(_CN_FAMILY)
            parts = [pick(_CN_GIVEN) for _ in range(self.rng.choice((1, 2, 2)))]
            given_local = "".join(local for local, _latin in parts)
            given_latin = "".join(latin for _local, latin in parts).capitalize()
            return PersonName(given_latin, family[1], family[0] + given_local)
        if country in ("JP", "KR"):
            family_table, given_table = (
                (_JP_FAMILY, _JP_GIVEN) if country == "JP" else (_KR_FAMILY, _KR_GIVEN)
            )
            family, given = pick(family_table), pick(given_table)
            separator = " " if country == "JP" else ""
            return PersonName(given[1], family[1], f"{family[0]}{separator}{given[0]}")
        if country == "RU":
            given_local, given_latin, female = pick(_RU_GIVEN)
            family_local, family_latin = pick(_RU_FAMILY)
            suffix = ("а", "a") if female else ("", "")
            return PersonName(
                given_latin, family_latin + suffix[1], f"{given_local} {family_local}{suffix[0]}"
            )
        if country == "SA":
            given, family = pick(_SA_GIVEN), pick(_SA_FAMILY)
            return PersonName(given[1], family[1], f"{given[0]} {family[0]}")
        faker = self._faker(country)
        return PersonName(faker.first_name(), faker.last_name())

    def brand(self, country: str) -> str:
        """A Latin-script family name to build a company name on."""
        return str(self._faker(country).last_name())

    def email(self, name: PersonName) -> str:
        self._mail_counter += 1
        local = slugify(f"{name.given} {name.family}").replace("-", ".") or "delegate"
        return f"{local}.{self._mail_counter}@{self.rng.choice(_MAIL_DOMAINS)}"

    def phone(self, country: str) -> str:
        """A number from a range reserved for fiction, or none where the country has no such range."""
        template = _PHONE_FORMATS.get(country)
        if template is None:
            return ""
        return template.format(self.rng.randrange(100))
