"""Canonicalizer behaviour a reader of the output would notice."""

from __future__ import annotations

import pytest

from normalizer.canonicalize import Canonicalizer
from normalizer.glossary import Entry, Glossary, Variant
from normalizer.matcher import join_keys
from normalizer.romanize import din_compound_forms


def entry(canonical: str, *variants: str, type: str | None = "person", short: str | None = None,
          keep: tuple[str, ...] = (), fr: tuple[str, ...] = ()) -> Entry:
    vs = tuple(Variant(v) for v in variants) + tuple(Variant(v, frozenset({"fr"})) for v in fr)
    return Entry(id=canonical.lower().replace(" ", "-"), canonical=canonical, type=type,
                 variants=vs, short=short, keep=keep)


def run(text: str, *entries: Entry, lang: str | None = "en") -> str:
    """The rules alone: the shipped known aliases have their own tests."""
    return Canonicalizer(Glossary.build(entries), known_aliases=False).canonicalize(text, lang)[0]


def expanding(text: str, *entries: Entry, lang: str | None = "en") -> str:
    """The rules with unlisted acronyms written as the names they abbreviate (on request)."""
    return Canonicalizer(Glossary.build(entries), expand_acronyms=True).canonicalize(
        text, lang)[0]


# --- unlisted romanizations: one listed spelling, many real ones ---------------------------
MUST_MERGE = [
    ("Abd Rabbo Mansour Hadi", "Abed Rabbo Mansour Hadi"),  # "Abed", a Levantine "Abd"
    ("Hussein Ibrahim Taha", "Hussain Ibrahim Taha"),
    ("Hussein Ibrahim Taha", "Hissein Brahim Taha"),
    ("Hussein Ibrahim Taha", "Hossein Ebrahim Taha"),
    ("Ignatius Aphrem II", "Ignace Ephrem II"),  # a patriarch's name in French
    ("Gregory III Laham", "Grégoire III Laham"),
    ("Hussein Ibrahim Taha", "Husayn Ibrahim Taha"),
    ("Fuad Hussein", "Fouad Hussain"),
    ("Taieb Fassi Fihri", "Taib Fassi Fihri"),  # al-Tayyib, Maghreb and Malay spellings
    ("Taieb Fassi Fihri", "Tayyib Fassi Fihri"),
    ("Aboubakr Jamai", "Boubakeur Jamai"),  # Abu Bakr in Algeria's French spelling
    ("Mohammad Yunus Khalis", "Mohammed Younes Khalis"),  # Yunus, Younis, Younes: one name
    ("Ibrahim Eissa", "Ibrahim Issa"),  # Isa: Issa, Eissa, Essa, Aissa
    ("Abdumalik Abdullajanov", "Abdumalik Abdulladzhanov"),  # Russian "dzh" = "j"
    ("Salman Raduyev", "Salman Radouïev"),  # a French "ï" between vowels = "y"
    ("Oleksandr Syrsky", "Oleksandr Syrskyi"),  # the Ukrainian "-yi" ending
    ("Andriy Yermak", "Andrii Yermak"),
    ("Volodymyr Zelensky", "Vladimir Zelensky"),  # a Ukrainian name's Russian form
    ("Kyrylo Budanov", "Kirill Budanov"),
    ("Sheikh Jarrah", "Sheik Jarrah"),  # the title inside names: Sheik, Shaykh, Cheikh
    ("Badr Shakir al-Sayyab", "Badr Shakir As-Sayyab"),  # a sun letter's article, capitalized
    ("Halide Edib Adivar", "Halide Edip Adivar"),  # Turkish final p and t for b and d
    ("Mahmud Shevket", "Mahmut Shevket"),
    ("Ahmed Djemal", "Ahmed Cemal"),  # Turkish c for j
    ("Badr Shakir al-Sayyab", "Badr Chaker es-Sayyâb"),  # the Maghrebi and Egyptian "es-"
    ("Sidi Ould Cheikh Abdallahi", "Sidi Ould Sheik Abdallahi"),
    ("Fuad Hussein", "Fuad Husain"),
    ("Ismail Haniyeh", "Ismail Haniya"),
    ("Badr Albusaidi", "Badr Al Busaidi"),  # the article joined to the family name
    ("Qassem al-Aaraji", "Qasim al-Araji"),  # Persian e, Arabic i; doubled letters aside
    ("Abdul Hamid Dbeibah", "Abdul Hamid Debaiba"),  # one vowel more, two parts agree
    ("Anwar Gargash", "Anwar bin Mohammed Gargash"),  # a father's name added
    ("Nasser Al-Khelaifi", "Nasser bin Ghanim Al-Khelaifi"),  # after "bin", any father's name
    ("Hany Abo Rida", "Hani Abou Rida"),  # Egyptian "Abo" is Abu
    ("Fahd Jassem al-Freij", "Fahd al-Freij"),  # a middle given name left out
    ("Bader Al-Humaidhi", "Badr Al-Humaidi"),  # Gulf "Bader", "Saqer" for Badr, Saqr
    ("Elias Bou Saab", "Elias Abu Saab"),  # Lebanese and Maghrebi "Bou" is Abu too
    ("Kamel Eltaief", "Kamel Ltaief"),  # the Maghreb's article joined as "El" or "L"
    ("Kheireddine Zetchi", "Khair El Din Zetchi"),  # an "ad-Din" compound, article apart
    ("Abdullatif Al-Zayani", "Abdul Lateef Al Zayani"),  # "ll" across the join is one "l"
    ("Akram al-Kaabi", "Akram ‘Abbas al Kaabi"),  # a middle name led by its ayn
    ("Abdolnaser Hemmati", "Abdul-Nasser Hemmati"),  # Abdul + a given name of the table
    ("Khodr Ali Taher", "Khader Ali Taher"),  # Khidr, however written
    ("Najim Al Jabouri", "Najm Al Jabouri"),
    ("Zakir Hasanov", "Zakir Asger oghlu Hasanov"),  # a Turkic "son of" after the father
    ("Mohammed Shahabuddin", "Md Shahabuddin"),  # the Bangladeshi abbreviation of Mohammad
    ("Tawfiq al-Tirawi", "Tawfik Altirawi"),  # the article joined to the family name
    ("Mohamed Beltagy", "Mohamed al-Beltagui"),  # French "gui" is a hard g
    ("Aguila Saleh", "Ageela Saleh"),
    ("Nasser al-Qudwa", "Nacer al-Qudwa"),  # the Maghrebi and French Nacer
    ("Zakir Hasanov", "Zakir Əsgər oğlu Həsənov"),  # in Azerbaijani letters
    ("Khadija Ismayilova", "Khadija Rovshan kyzy Ismayilova"),  # "daughter of"
    ("Abdul Latif Rashid", "Abdellatif Rashid"),
    ("Kheireddine Zetchi", "Khair Eldin Zetchi"),
    ("Noureddine Taboubi", "Nour al-Din Taboubi"),
    ("Sirajuddin Haqqani", "Siraj al-Din Haqqani"),
    ("Shams al-Din al-Kabashi", "Shams Eddine Kabashi"),  # and the other way round
    ("Hassan al-Roweiny", "Hassan al-Roueini"),  # French writes no "u" before the w
    ("Aziz Dweik", "Aziz Duwaik"),
    ("Fayza Abul Naga", "Fayza Abouelnaga"),  # Abu and its article joined to the name
    ("Shams al-Din al-Kabashi", "Shamseddine al-Kabashi"),
    ("Lolwah Al-Khater", "Lolwah bint Rashid Al Khater"),  # a daughter's "bint"
    ("Tawakkol Karman", "Tawakkol Abdel-Salam Karman"),  # an "Abdul X" compound added
    ("Tawakkol Karman", "Tawakkol Abdel-Salam Khalid Karman"),
    ("Tawakkol Karman", "Tawakkol Abdulsalam Karman"),
    ("Mohamed Mediène", "Mohamed Lamine Mediène"),  # Maghrebi and Levantine given names
    ("Mariam Al Mahdi", "Mariam Al-Sadiq Al-Mahdi"),  # a father's name with its article
    ("Ali al-Sistani", "Ali al-Husseini al-Sistani"),  # a sayyid's nisba
    ("Ali Khamenei", "Ali Hosseini Khamenei"),
    ("Ahmed bin Hamad Al-Khalili", "Ahmad ibn Hamad al-Khalili"),  # "ibn" is "bin"
    ("Abubakar Shekau", "Abu Bakr Shekau"),  # the Hausa and Sahel forms of Abu Bakr
    ("Zaki-ur-Rehman Lakhvi", "Zaki-ur-Rahman Lakhvi"),  # the Urdu "ur" inside a name
    ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),  # Russian "-ayev" / "-aev" / "-aïev"
    ("Nursultan Nazarbayev", "Nursultan Abishevich Nazarbayev"),  # a patronymic added
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Kemelouly Tokayev"),
    ("Abubakar Shekau", "Aboubakar Shekau"),
    ("Ali Mahaman Lamine Zeine", "Ali Lamine Zeine"),  # a Sahel form of Muhammad left out
    ("Ibrahim El-Zakzaky", "Ibrahim Yaqoub El-Zakzaky"),  # a given name in another spelling
    ("Muath al-Kaseasbeh", "Muath Safi Yousef al-Kasasbeh"),
    ("Mu'ath al-Kaseasbeh", "Muath Safi Yousef al-Kasasbeh"),  # an ayn in the listed name
    ("Muath al-Kaseasbeh", "Mu'ath Safi Yousef Al-Kaseasbeh"),  # and in the text
    ("Yousef Alothaimeen", "Youssef Al-Othaimeen"),
    ("Ismail Haniyeh", "Ismail Haniyya"),
    ("Ismail Haniyeh", "Esmail Haniyeh"),
    ("Ismail Haniyeh", "Ismaïl Haniyeh"),
    ("Qasem Soleimani", "Qassem Soleimani"),
    ("Qasem Soleimani", "Ghasem Soleimani"),
    ("Qasem Soleimani", "Qassem Suleimani"),
    ("Qasem Soleimani", "Kassem Soleymani"),
    ("Ali Bagheri Kani", "Ali Baqeri Kani"),
    ("Ali Bagheri Kani", "Ali Bagheri-Kani"),
    ("Ebrahim Raisi", "Ibrahim Raisi"),
    ("Ebrahim Raisi", "Ebrahim Raïssi"),
    ("Ebrahim Raisi", "Ebrahim Raeesi"),
    ("Hossein Amir-Abdollahian", "Hossein Amirabdollahian"),
    ("Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"),
    ("Hossein Amir-Abdollahian", "Hussein Amir-Abdolahian"),
    ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes"),
    ("Abu Mahdi al-Muhandis", "Abou Mahdi el-Mouhandis"),
    ("Ziyad al-Nakhalah", "Ziad al-Nakhaleh"),
    ("Hassan Nasrallah", "Hassan Nasrollah"),
    ("Mohammad Javad Zarif", "Mohammed Jawad Zarif"),
    ("Abdul Latif Rashid", "Abdel Latif Rashid"),
    ("Abdul Latif Rashid", "Abdullatif Rashid"),
    ("Abbas Araghchi", "Abbas Araghtchi"),
    ("Abdel Fattah al-Burhan", "Abdel Fattah al-Burhane"),
    ("Mohamed Hamdan Dagalo", "Mohamed Hamdane Dagalo"),
    ("Ziyad al-Nakhalah", "Ziad Nakhalé"),
    ("Yahya Sinwar", "Yahya al-Sinouar"),
    # middle given names added or left out, family names a vowel shorter, French ç
    ("Fuad Hussein", "Fuad Mohammed Hussein"),
    ("Yahya Sinwar", "Yahya Ibrahim Hassan Sinwar"),
    ("Abdul Latif Rashid", "Abdul Latif Jamal Rashid"),
    ("Mohammad Bagher Ghalibaf", "Mohammad Ghalibaf"),
    ("Mohamed Hamdan Dagalo", "Mohamed Hamdan Daglo"),
    ("Faisal Mekdad", "Fayçal al-Meqdad"),
    ("Ahmed al-Sharaa", "Ahmed Hussein al-Sharaa"),
    # a first Muhammad, or the "Abd" of a compound given name, that the glossary leaves out
    ("Payman Maadi", "Mohammad Peyman Maadi"),
    ("Ismail Khan", "Muhammad Ismail Khan"),
    ("Beji Caid Essebsi", "Mohamed Beji Caid Essebsi"),
    ("Aziz Dweik", "Abdel Aziz Dweik"),
    ("Aziz Dweik", "Abd al-Aziz Dweik"),
    ("Hanafy Ali El Gebali", "Hanafi Ali Gibali"),  # no article, and a vowel off
    ("Tahir Salim Al Amri", "Tahir Al Amri"),  # a middle name left out before "Al X"
    # an apostrophe for Arabic ayn or hamza inside a name
    ("Esmail Qaani", "Esmaeil Qa’ani"),
    ("Mohammed Shia al-Sudani", "Mohammed Shia’a Al-Sudani"),
    # the Hausa hooked letters ("ɗan" is "dan")
    ("Usman dan Fodio", "Usman ɗan Fodio"),
    # the Maghreb's and the Gulf's "e" for a given name's "i" ("Adel" for Adil)
    ("Adil al-Kalbani", "Adel ben Salem Al-Kalbani"),
    ("Majid al-Ansari", "Majed Al-Ansari"),
    # Ottoman Turkish spellings of Arabic given names
    ("Tewfik Pasha", "Tawfik Pasha"),
    ("Tewfik Pasha", "Tawfiq Pasha"),
    ("Hikmat Suleiman", "Hikmet Süleyman"),
    # the modifier letters for ayn and hamza (letters to Unicode): the word's first letter
    ("Abdollah Behbahani", "ʿAbdallāh Behbahānī"),
    ("Izz al-Din Qalaq", "ʻIzz al-Dīn Qalaq"),
    # a word the glossary writes joined, written as two
    ("Abdullatif Rashid", "Abdul Latif Rashid"),
    ("Hossein Amirabdollahian", "Hossein Amir Abdollahian"),
    ("Hossein Amirabdollahian", "Hossein Amir-Abdollahian"),
    # Persian e for Arabic i; French c for k; Abd ar-Rahman assimilated
    ("Hadi al-Amiri", "Hadi al-Ameri"),
    ("Sameh Shoukry", "Sameh Choucri"),
    ("Mohammed bin Abdulrahman Al Thani", "Mohammed ben Abderrahmane Al Thani"),
    ("Roch Marc Christian Kaboré", "Roch Marc Kaboré"),  # one of two Western middle names
    ("Najla Mangoush", "Najla El Mangouche"),  # French "-che" is "sh"; an article added
    ("Mohsen Rezai", "Mohsen Rezaie"),  # Persian final "-ei" written "-ie", "-ee" or "-i"
    ("Mohsen Rezai", "Mohsen Rezaee"),
    ("Suleiman Frangieh", "Suleiman Antoine Frangieh"),  # a Christian middle name added
    ("Suleiman Frangieh", "Sleiman Frangieh"),  # a given name one vowel shorter
    ("Suleiman Frangieh", "Suleiman Franjieh"),  # Levantine g for j
    ("Jamal Abdel Nasser", "Gamal Abdel Nasser"),  # Egyptian g for j
    ("Sharif Hassan bin Zaid", "Sharif Hassan Bin Zeid"),  # "Bin" with a capital
    ("Yusuf al-Madani", "Yusuf Hassan Al-Madani"),  # a name added before "Al-" or "Bin"
    ("Ahmed bin Dagher", "Ahmed Obeid Bin Dagher"),
    ("Ali Hussein al-Sistani", "Ali al-Sistani"),  # a middle given name left out
    ("Youssef Raji", "Yusuf Raji"),  # given names no spelling rule joins
    ("Osman Kavala", "Othman Kavala"),
    # the scholarly "Abd al-" for Abdel, Abdul; French "aou" and "qu"
    ("Abdel Aziz Rantisi", "Abd al-Aziz al-Rantisi"),
    ("Abdul Halim Khaddam", "Abd al-Halim Khaddam"),
    ("Assef Shawkat", "Assef Chaoukat"),
    ("Abu Musab al-Zarqawi", "Abu Musab al-Zarquawi"),
    # "ad-Din" as a word or joined, its article left out
    ("Saad Eddine El Othmani", "Saadeddine Othmani"),
    ("Nasreddine Bouzid", "Nasr Eddine Bouzid"),
    # a "y" between a consonant and a vowel is an "i"
    ("Mariam al-Mahdi", "Maryam al-Mahdi"),
    ("Fouad Siniora", "Fouad Sanyoura"),
    ("Rayan al-Kildani", "Ryan al-Kildani"),  # but a first consonant and "y" are "ay"
    ("Ghiath Dalla", "Ghyath Dallah"),  # unless it is written with two letters: "iy"
    # a long family name (7+ letters) written with one vowel more or less
    ("Yusuf al-Qaradawi", "Youssef al-Qardawi"),
    ("Isaias Afwerki", "Isaias Afewerki"),
    ("Abolghasem Salavati", "Abolqasem Salvati"),
    ("Said Chengriha", "Said Chanegriha"),
    ("Fatima Mohajerani", "Fatma Mohajerani"),  # the Turkish and Egyptian Fatma
    ("Fatima Al-Arwali", "Fatma al-Arwali"),
    ("Qasem Soleimani", "Ghasem Soleimani"),  # the Persian gh and the Maghreb's "Kacem"
    ("Qassem Hamdi", "Kacem Hamdi"),
    ("Idris Lachguar", "Driss Lachguar"),
    ("Jafar Panahi", "Cafer Panahi"),  # Turkish spellings of Arabic given names
    ("Aisha Bakkar", "Aïcha Bakkar"),
    ("Aisha Bakkar", "Ayesha Bakkar"),
    ("Fahad Al-Otaibi", "Fahd Al-Otaibi"),  # one given name, with its vowel or without
    ("Zain Hamdoun", "Zine Hamdoun"),  # the French "Zine" of Zine El Abidine
    ("Tahir Benali", "Tahar Benali"),
    ("Rida Kanaan", "Reda Kanaan"),
    ("Saud Hammadi", "Soud Hammadi"),
    ("Abu Bakr Hakimi", "Abu Baker Hakimi"),
    ("Abu Bakr Hakimi", "Abu Bakar Hakimi"),
    ("Nayef Al Hajraf", "Naif Al Hajraf"),
    ("Mohammed Reda Jalkhi", "Mohammad Reza Jalkhi"),  # the Persian and Turkish Reza, Rıza
    ("Mohammed Reda Jalkhi", "Mohammed Rıza Jalkhi"),
    ("Edward Kharrat", "Edouard Kharrat"),
    ("Shapour Bakhtiar", "Shahpur Bakhtiar"),
    ("Zuhair Garana", "Zoher Garana"),
    ("Fawzi Lekjaa", "Faouzi Lekjaa"),
    ("Syed Abul Ala Maududi", "Sayyid Abul Ala Maududi"),
    ("Ramzy Ezzeldin Ramzy", "Ramzy Ezzeddine Ramzy"),  # the article's "l" written or not
    # the Libyan and Gulf "g" of a family name is the qaf others write "q" or "k"
    ("Muammar Gaddafi", "Muammar Qaddafi"),
    ("Muammar Gaddafi", "Mouammar Kadhafi"),
    ("Muammar Gaddafi", "Muammar al-Qadhafi"),  # with an article the glossary leaves out
    ("Muammar al-Qaddafi", "Muammar Gaddafi"),  # and the other way round
    ("Bahram Ghasemi", "Bahram Gassemi"),
    ("Saad Zaghloul", "Saad Zagloul"),
    ("Majid Al-Hogail", "Majid Al-Hoqail"),
    # a family name's final "e" after a consonant is the ta marbuta others write "-eh"
    ("Joseph Saadeh", "Joseph Saade"),
    ("Ghassan Salameh", "Ghassan Salame"),
    ("Ghassan Salame", "Ghassan Salameh"),  # and the other way round
    ("Mohammad Barakeh", "Muhamad Barake"),
]

MUST_NOT_MERGE = [
    ("Ahmed Hamdana", "Ahmed Hamdane"),  # the French "-ane" is Hamdan with a mute "e"
    ("Ali Zahra", "Ali Zahre"),  # nor a final "e" read into a given name (Zahra)
    ("Ahmed Gamal", "Ahmed Kamal"),  # a given name's "g" is Egypt's jim: Gamal is Jamal
    ("Ahmed Kamal", "Ahmed Gamal"),
    ("Mohamed Naguib", "Mohamed Naqib"),  # nor a family name that is a given name (Najib)
    ("Noureddine Taboubi", "Nasreddine Taboubi"),  # another "ad-Din" compound
    ("Nicole Gilbert", "Nicole Guilbert"),  # a word's first "gu" is written as it sounds
    ("Noureddine Taboubi", "Nasr al-Din Taboubi"),
    ("Tawakkol Karman", "Abdul Salam Karman"),  # her father: a compound is no first name
    ("Mohammed Khan", "Mohammad-Latif Khan"),  # a compound given name: no middle name added
    ("Alice Dennis", "Alice Denis D. Havel"),  # a middle initial and a family name go on
    # his father; the "ath" of "Mu'ath" is not an article to leave out
    ("Mu'ath Safi Yousef Al-Kaseasbeh", "Safi Yousef al-Kasasbeh"),
    ("Hussein Ibrahim Taha", "Hassan Ibrahim Taha"),
    ("Fuad Hussein", "Zakir Hussain"),
    ("Fuad Hussein", "Saddam Hussein"),
    ("Fuad Hussein", "Fuad Husseini"),
    ("Fuad Hussein", "Fuad Hassan"),
    ("Adil Abdul Mahdi", "Abu Mahdi al-Muhandis"),
    ("Abu Mahdi al-Muhandis", "Adil Abdul Mahdi"),
    ("Ali Bagheri Kani", "Mohammad Bagheri"),
    ("Hamid Karzai", "Hamad Karzai"),
    ("Saad Hariri", "Said Hariri"),
    ("Mohammad Bagheri", "Mahmoud Bagheri"),
    ("Ali Karimi", "Ali Karami"),
    ("Mahmoud Abbas", "Abbas Araghchi"),
    ("Hassan Rouhani", "Hussein Rouhani"),
    ("Ismail Haniyeh", "Ismail Hamdi"),
    ("Ebrahim Raisi", "Ebrahim Rasooli"),
    ("Qasem Soleimani", "Qasem Salami"),
    ("Hossein Amir-Abdollahian", "Hossein Amir"),
    ("Fuad Hussein", "Fuad Masum"),
    ("Khalifa Haftar", "Saddam Haftar"),
    ("Abdel Fattah al-Sisi", "Abdel Fattah al-Burhan"),
    ("Mahmoud Abbas", "Abbas Kamel"),
    # without its first name an Arabic name is often the father's; Abdul makes one name
    ("Mahamat Idriss Deby", "Idriss Deby"),
    ("Mohamed Hamdan Dagalo", "Hamdan Dagalo"),
    ("Abdul Latif Rashid", "Abdul Rashid"),
    ("Abdul Latif Rashid", "Abdul Rashid Dostum"),
    ("Mohammad Bagher Ghalibaf", "Ali Mohammad Ghalibaf"),
    ("Fuad Hussein", "Zakir Fuad Mohammed Hussein"),
    ("Mohammed Ali Hussein", "Mohammed Hussein"),
    ("Ismail Haniyeh", "Mohammed Ismail"),  # Muhammad before a part of the name
    ("Fuad Masum", "Mohammed Fuad Masum Hawrami"),  # a longer name than the glossary's
    ("Ismail Khan", "Ali Mohammad Ismail Khan"),
    ("Ismail Khan", "bin Mohammad Ismail Khan"),
    ("Tahir Salim Al Amri", "Salim Al Amri"),  # without the first name: the father's
    ("Ali Hasan", "Ali Hassan al-Majid"),  # an unlisted spelling inside a longer name
    ("Ahmed Abu Risha", "Ahmad Abu-Risha al-Rishawi"),
    # a middle name replaced by another is another person
    ("Mohammad Bagher Ghalibaf", "Mohammad Reza Ghalibaf"),
    ("Abdullahi Musa Tukur", "Abdullahi Fatima Tukur"),
    # a given name and a family name are never run together into one word
    ("Bo Roose", "Boros"),
    # "Abdul Karim" is one name: never half of it
    ("Muhammad Abdul Karim al-Ghamari", "Muhammad Karim al-Ghamari"),
    ("Muhammad Abdul Karim al-Ghamari", "Muhammad Abdul al-Ghamari"),
    # a vowel more or less in a short family name is another name
    ("Ali Karimi", "Ali Karmi"),
    ("Mohammed Hamdi", "Mohammed Hamadi"),
]


@pytest.mark.parametrize("canonical, variant", MUST_MERGE)
def test_unlisted_romanization_is_canonicalized(canonical: str, variant: str) -> None:
    text = f"On Monday, {variant} told reporters in Baghdad that talks would go on."
    assert run(text, entry(canonical)) == text.replace(variant, canonical)


@pytest.mark.parametrize("canonical, other", MUST_NOT_MERGE)
def test_different_people_are_never_merged(canonical: str, other: str) -> None:
    text = f"On Monday, {other} told reporters in Baghdad that talks would go on."
    assert run(text, entry(canonical)) == text


@pytest.mark.parametrize("name, forms", [
    ("Kheireddine Zetchi", ["Kheir al-Din Zetchi", "Kheir Eldin Zetchi"]),
    ("Nour Eddine Taboubi", ["Nour al-Din Taboubi", "Nour Eldin Taboubi"]),
    ("Ezzedine al-Qassam", ["Ezz al-Din al-Qassam", "Ezz Eldin al-Qassam"]),
    ("Shams al-Din al-Kabashi", ["Shamseddine al-Kabashi"]),
    ("Saladin", []),  # a head of 3+ letters: not "Sal al-Din"
    ("Haddad Eddy", []),
])
def test_ad_din_compounds_are_respelled(name: str, forms: list[str]) -> None:
    assert din_compound_forms(name) == forms


def test_family_name_first_where_the_name_is_also_in_full() -> None:
    zetchi = entry("Kheireddine Zetchi")
    text = "En 2021, Zetchi Kheïreddine a quitté la FAF. Depuis, Kheïreddine Zetchi boude."
    assert run(text, zetchi, lang="fr") == (
        "En 2021, Kheireddine Zetchi a quitté la FAF. Depuis, Kheireddine Zetchi boude.")
    mahrez = entry("Riyad Mahrez")  # "Riyad" is also a place word
    text = "Riyad Mahrez scored. A fan site files him under Mahrez Riyad."
    assert run(text, mahrez) == text.replace("Mahrez Riyad", "Riyad Mahrez")
    # never without the name in full, nor when the family name is a given name too
    assert run("A fan site files him under Mahrez Riyad.", mahrez) == (
        "A fan site files him under Mahrez Riyad.")
    text = "Ali Hassan spoke. Hassan Ali replied."
    assert run(text, entry("Ali Hassan")) == text


def test_a_lower_case_turkish_letter_starts_no_capitalized_word() -> None:
    from normalizer.canon.views import capitalized_words
    assert capitalized_words("Zakir Əsgər oğlu Şuşa, şehir") == (
        ["Zakir", "Əsgər", "Şuşa"], [(0, 5), (6, 11), (17, 21)])


def test_a_letter_doubled_across_a_join_is_one_only_between_real_parts() -> None:
    assert join_keys("abdul", "latif") == "abdulatif"  # as the key of "Abdullatif"
    assert join_keys("m", "mangus") == "mmangus"  # an initial: "M. Mangoush"
    assert join_keys("sana", "a") == "sanaa"  # the split-off end of "Sana'a"
    assert join_keys("santa", "ana") == "santaana"  # vowels stay two: not "Santana"
    text = "Carlos Santana played in Santa Ana."
    assert run(text, entry("Santa Ana", type="place")) == text
    assert run("Ms Zeina Akar and ZeinaAkar.", entry("Zeina Akar")) == (
        "Ms Zeina Akar and Zeina Akar.")  # a name run together keeps both letters


def test_a_place_words_romanizations_by_the_table() -> None:
    # the Arabic "kafr" (village) is "Kfar" in Lebanon and Israel
    kafr = entry("Kafr Qasim", type="place")
    assert run("Residents of Kfar Qassem marched.", kafr) == "Residents of Kafr Qasim marched."
    tahla = entry("Kafr Tahla", type="place")  # and "Kafir" in English
    assert run("She was born in Kafir Tahla.", tahla) == "She was born in Kafr Tahla."


def test_an_unknown_middle_word_is_a_fathers_name_only_after_bin() -> None:
    khelaifi = entry("Nasser Al-Khelaifi")
    text = "Nasser bin Ghanim Al-Khelaifi spoke. His father, Ghanim Al-Khelaifi, fished."
    assert run(text, khelaifi) == text.replace("Nasser bin Ghanim", "Nasser", 1)
    text = "Nasser bin Kurdi Al-Khelaifi spoke."  # whatever the father's name
    assert run(text, khelaifi) == "Nasser Al-Khelaifi spoke."
    # without "bin", an unknown capitalized word may be part of another name: left alone
    text = "Nasser Kurdi Al-Khelaifi spoke."
    assert run(text, khelaifi) == text


def test_an_egyptian_abo_family_name_is_a_short_form_with_its_abo() -> None:
    rida = entry("Hany Abo Rida")
    text = "Hany Abou Rida resigned. Abu Rida said he would stay on."
    assert run(text, rida) == "Hany Abo Rida resigned. Abo Rida said he would stay on."


def test_generated_needs_capitalized_multi_part_names() -> None:
    e = entry("Fuad Hussein")
    assert run("fouad hussain spoke.", e) == "fouad hussain spoke."
    assert run("Hussain spoke.", e) == "Hussain spoke."


# --- listed spellings and typography -------------------------------------------------------
AMIR = entry("Hossein Amir-Abdollahian", "Amir Abdollahian", "Amirabdollahian",
             short="Amir-Abdollahian")


@pytest.mark.parametrize("text, expected", [
    ("Amir Abdollahian said", "Amir-Abdollahian said"),
    ("Amirabdollahian said", "Amir-Abdollahian said"),
    ("Amir\u2013Abdollahian said", "Amir-Abdollahian said"),
    ("Amir\u00a0Abdollahian said", "Amir-Abdollahian said"),
    ("Amir\nAbdollahian said", "Amir-Abdollahian said"),
    ("Amir  Abdollahian said", "Amir-Abdollahian said"),
    ("AMIR ABDOLLAHIAN SAID", "Amir-Abdollahian SAID"),  # the canonical, even in capitals
    ("amir abdollahian said", "Amir-Abdollahian said"),
    ("l\u2019appel d\u2019Amir Abdollahian", "l\u2019appel d\u2019Amir-Abdollahian"),
    ("Amir Abdollahian's visit", "Amir-Abdollahian's visit"),
    ("Amir Abdollahian\u2019s visit", "Amir-Abdollahian\u2019s visit"),
    ("Hossein Amir Abdollahian said", "Hossein Amir-Abdollahian said"),
])
def test_typography_variants(text: str, expected: str) -> None:
    assert run(text, AMIR) == expected


def test_sentence_punctuation_or_blank_line_breaks_a_name() -> None:
    assert run("He met Amir. Abdollahian left.", AMIR) == "He met Amir. Abdollahian left."
    assert run("Amir\n\nAbdollahian", AMIR) == "Amir\n\nAbdollahian"


def test_whole_words_only() -> None:
    e = entry("Abbas Araghchi", "Abbas Araqchi", type="person")
    abbas = entry("Abbas", "Abbass", type="org")
    text = "Abbasî Araqchis and Abbassid rule; Abbass came."
    out = run(text, e, abbas)
    assert out == "Abbasî Araqchis and Abbassid rule; Abbas came."


def test_leftmost_longest_keeps_long_names_whole() -> None:
    taha = entry("Hussein Ibrahim Taha", "Hussain Ibrahim Taha")
    hussein = entry("Hussein", "Hussain", type="other")
    text = "Hussain Ibrahim Taha met Hussain."
    assert run(text, taha, hussein) == "Hussein Ibrahim Taha met Hussein."


def test_acronyms_match_only_in_capitals() -> None:
    us = entry("United States", "US", type="place")
    assert run("Let us see: the US said.", us) == "Let us see: the United States said."


def test_per_language_variants_apply_only_to_that_language() -> None:
    east = entry("East Jerusalem", type="place", fr=("Jérusalem-Est",))
    assert run("à Jérusalem-Est", east, lang="fr") == "à East Jerusalem"
    assert run("à Jérusalem-Est", east, lang="en") == "à Jérusalem-Est"
    assert run("à Jérusalem-Est", east, lang=None) == "à Jérusalem-Est"


def test_article_led_names_get_romanization_variants() -> None:
    quds = entry("Al-Quds", type="place")
    assert run("soutenir Al-Qods et al-Kuds", quds, lang="fr") == (
        "soutenir Al-Quds et Al-Quds")


def test_keep_protects_look_alikes() -> None:
    fuad = entry("Fuad Hussein", "Hussain Fuad", keep=("Fuad Hussain Jr",))
    assert run("Fuad Hussain Jr spoke", fuad) == "Fuad Hussain Jr spoke"


# --- short forms -----------------------------------------------------------------------------
def test_short_form_after_full_mention() -> None:
    text = "Hossein Amir-Abdollahian arrived. Later Abdollahian said yes."
    assert run(text, AMIR) == "Hossein Amir-Abdollahian arrived. Later Amir-Abdollahian said yes."


def test_short_form_before_full_mention_is_left_alone() -> None:
    text = "Abdollahian said yes. Hossein Amir-Abdollahian arrived."
    assert run(text, AMIR) == text


def test_short_form_never_crosses_documents() -> None:
    c = Canonicalizer(Glossary.build([AMIR]))
    c.canonicalize("Hossein Amir-Abdollahian arrived.", "en")
    assert c.canonicalize("Abdollahian said yes.", "en")[0] == "Abdollahian said yes."


def test_short_form_spelling_is_normalized() -> None:
    fuad = entry("Fuad Hussein")
    text = "Fuad Hussein arrived. Hussain said the talks went well."
    assert run(text, fuad) == "Fuad Hussein arrived. Hussein said the talks went well."


@pytest.mark.parametrize(("person", "text"), [
    ("Sophie Thea Södergren", "Sophie Thea Södergren spoke. The talks ended."),  # same key
    ("Jeffery Shea", "Jeffery Shea spoke. She left early."),
    ("Leanne Irene Gill", "Leanne Irene Gill spoke. Iran said no."),  # a country
    ("Rufino Israel Saldaña Sotelo", "Rufino Israel Saldaña Sotelo spoke. Israel said no."),
])
def test_an_ordinary_word_or_a_place_is_nobodys_short_form(person: str, text: str) -> None:
    assert run(text, entry(person)) == text


def test_a_line_break_inside_a_name_does_not_hide_the_rest_of_it() -> None:
    saif = entry("Saif al-Islam Gaddafi", "Seif al-Islam")
    text = "Sebha, le 14 novembre.\nIl a cité le fils du dirigeant, Seif al-Islam\nKadhafi, hier."
    assert run(text, saif, lang="fr") == (
        "Sebha, le 14 novembre.\nIl a cité le fils du dirigeant, Saif al-Islam Gaddafi, hier.")


def test_a_headline_name_does_not_take_the_storys_first_word() -> None:
    saif = entry("Saif al-Islam Gaddafi", "Seif al-Islam")
    text = "Le retour de Seif al-Islam\nKadhafi a déposé sa candidature dimanche à Sebha."
    assert run(text, saif, lang="fr").startswith("Le retour de Saif al-Islam Gaddafi\nKadhafi")


def test_a_listed_name_without_its_first_given_name_is_the_name_in_full() -> None:
    atmar = entry("Mohammad Hanif Atmar", "Haneef Atmar")  # led by a given name: not a short form
    assert run("Haneef Atmar met the envoy.", atmar) == "Mohammad Hanif Atmar met the envoy."


def test_a_listed_family_name_with_its_article_joined_is_a_short_form() -> None:
    """"Elelaimy" is "El-Elaimy" written as one word: a short form, not the name in full, so
    the short form the first run writes is not written in full by a second run."""
    elaimy = entry("Zyad El-Elaimy", "Ziad El-Eleimy", "Elelaimy", "El-Eleimy")
    text = "Ziad El-Eleimy walked out of jail. El-Eleimy had been held since 2019."
    out = run(text, elaimy)
    assert out == "Zyad El-Elaimy walked out of jail. El-Elaimy had been held since 2019."
    assert run(out, elaimy) == out
    assert run("Elelaimy spoke.", elaimy) == "El-Elaimy spoke."


def test_the_canonicals_own_g_is_no_other_spellings_qaf() -> None:
    """"Al Shugairi" is the canonical's own short form, not an unlisted spelling of the listed
    "Al Shukairi" (which would write the name in full), so a second run changes nothing."""
    shugairi = entry("Ahmad Al Shugairi", "Al Shukairi", "Ahmad Al Shukairi")
    text = "Ahmad Al Shukairi hosts the show. Al Shugairi left business in 2002."
    out = run(text, shugairi)
    assert out == "Ahmad Al Shugairi hosts the show. Al Shugairi left business in 2002."
    assert run(out, shugairi) == out


def test_a_leading_muhammad_is_the_persons_only_where_the_glossary_leaves_room() -> None:
    text = "Mohammed Saeed Lootah opened the bank's new branch."
    # a spelling or two: the person's own fuller name
    assert run(text, entry("Saeed Lootah", "Saeed Ahmed Lootah")) == (
        "Saeed Lootah opened the bank's new branch.")
    # three spellings, none with Muhammad: the glossary knows the name; this is his son
    lootah = entry("Saeed Lootah", "Saeed Ahmed Lootah", "Saeed bin Ahmed Al Lootah")
    assert run(text, lootah) == text
    assert run("Saeed Ahmed Lootah opened it.", lootah) == "Saeed Lootah opened it."


def test_a_name_without_its_abdul_compound_after_the_full_mention() -> None:
    ghamari = entry("Muhammad Abdul Karim al-Ghamari")
    text = "Muhammad Abdul Karim al-Ghamari was killed. Muhammad al-Ghamari led the staff."
    assert run(text, ghamari) == text.replace("Muhammad al-", "Muhammad Abdul Karim al-")
    assert run("Muhammad al-Ghamari led the staff.", ghamari) == (
        "Muhammad al-Ghamari led the staff.")  # without the full mention: maybe someone else


def test_an_abu_family_name_is_a_short_form_with_its_abu() -> None:
    rudeineh = entry("Nabil Abu Rudeineh")
    text = "Nabil Abu Rudeineh spoke. Abou Roudeina said the talks had failed."
    assert run(text, rudeineh, lang="fr") == text.replace("Abou Roudeina", "Abu Rudeineh")
    # after another given name it is someone else's, in the glossary's spelling or not
    alia = entry("Amin Abu-Alia")
    text = "Council head Amin Abu-Alia spoke. Jihad Abu Alia was shot dead. Abu Alia wept."
    assert run(text, alia) == text.replace("dead. Abu Alia", "dead. Abu-Alia")


def test_a_title_abbreviation_does_not_make_a_longer_name() -> None:
    habib = entry("Abdallah Bou Habib")
    text = "Lebanese FM Bo Habib stays in US\nForeign minister Abdallah Bou Habib told CNN so."
    assert run(text, habib).startswith("Lebanese FM Bou Habib stays")


def test_a_place_word_followed_by_an_article_led_name_is_another_place() -> None:
    busra = entry("Busra al-Sham", "Bosra", type="place")
    for text in ("They fought near Bosra al-Harir.", "They fought near Busra al-Harir."):
        assert run(text, busra) == text  # listed and unlisted one-word spellings alike
    assert run("They fought near Bosra, in Deraa.", busra) == (
        "They fought near Busra al-Sham, in Deraa.")


def test_bin_and_the_last_word_are_a_family_name_short_form() -> None:
    mubarak = entry("Ahmed Awad bin Mubarak")
    text = "Ahmed Awad bin Mubarak a parlé. Selon Ben Moubarak, rien. Mubarak est un autre."
    assert run(text, mubarak, lang="fr") == (
        "Ahmed Awad bin Mubarak a parlé. Selon bin Mubarak, rien. Mubarak est un autre.")
    mbz = entry("Mohammed bin Zayed")  # a brother carries "bin Zayed" too: from there, no
    text = "Mohammed bin Zayed met Abdullah bin Zayed. Later Bin Zayid left."
    assert run(text, mbz) == text


def test_a_one_word_place_loses_an_article_its_canonical_lacks() -> None:
    raqqa = entry("Raqqa", type="place")
    assert run("Fighting in al-Raqqa and Al Raqqa.", raqqa) == "Fighting in Raqqa and Raqqa."
    assert run("The battle of Tal al-Raqqa.", raqqa) == "The battle of Tal al-Raqqa."


def test_a_title_after_an_article_is_a_family_name() -> None:
    sheikh = entry("Hussein al-Sheikh")
    text = "Hussein al-Sheikh est arrivé. Selon al-Cheikh, rien n'est décidé."
    assert run(text, sheikh, lang="fr") == (
        "Hussein al-Sheikh est arrivé. Selon al-Sheikh, rien n'est décidé.")


def test_short_form_blocked_by_look_alike_in_document() -> None:
    kani = entry("Ali Bagheri Kani", "Ali Bagheri", short="Bagheri Kani")
    text = "Ali Bagheri met Mohammad Bagheri. Bagheri said no."
    assert run(text, kani) == "Ali Bagheri Kani met Mohammad Bagheri. Bagheri said no."
    text = "Fuad Hussein met Zakir Hussain. Hussain played."
    assert run(text, entry("Fuad Hussein")) == text


def test_short_form_ambiguous_between_two_entries_is_left_alone() -> None:
    fuad, saddam = entry("Fuad Hussein"), entry("Saddam Hussein")
    text = "Fuad Hussein and Saddam Hussein. Hussein spoke."
    assert run(text, fuad, saddam) == text


def test_an_initial_in_a_headline_is_no_sentence_end() -> None:
    e = entry("Nohad Machnouk")
    text = "N. Machnouk quitte le ministère\nCent jours après, Nohad Machnouk a parlé."
    assert run(text, e, lang="fr") == text.replace("N. Machnouk", "Nohad Machnouk")


def test_a_long_family_name_may_lose_one_vowel_in_a_short_form() -> None:
    e = entry("Muhammad Kamaruzzaman")
    text = "Muhammad Kamaruzzaman edited a weekly. Kamaruzzman was hanged."
    assert run(text, e) == text.replace("Kamaruzzman", "Kamaruzzaman")
    short = entry("Karim Hamadi")  # under eight letters: another name
    text = "Karim Hamadi spoke. Later Hamdi left."
    assert run(text, short) == text


def test_short_form_with_title_is_resolved() -> None:
    raisi = entry("Ebrahim Raisi")
    text = "Ebrahim Raisi spoke. President Raissi left."
    assert run(text, raisi) == "Ebrahim Raisi spoke. President Raisi left."


@pytest.mark.parametrize("title", ["Archbishop", "Patriarch", "Mufti", "Lawyer", "Striker"])
def test_religious_and_professional_titles_are_not_name_parts(title: str) -> None:
    warda = entry("Bashar Warda")
    text = f"{title} Bashar Yousef Warda spoke. Later {title} Warda left."
    assert run(text, warda) == f"{title} Bashar Warda spoke. Later {title} Warda left."


def test_organisations_get_no_short_forms() -> None:
    oic = entry("Organization of Islamic Cooperation", type="org")
    text = "The Organization of Islamic Cooperation met. Cooperation matters."
    assert run(text, oic) == text


# --- the change log ----------------------------------------------------------------------------
def test_changes_record_offsets_rule_and_entry() -> None:
    c = Canonicalizer(Glossary.build([AMIR, entry("Fuad Hussein")]))
    text = "Amir Abdollahian met Fouad Hussain; amir abdollahian left."
    out, changes = c.canonicalize(text, "en")
    assert [(ch.original, ch.canonical, ch.rule, ch.entry_id) for ch in changes] == [
        ("Amir Abdollahian", "Amir-Abdollahian", "exact", "hossein-amir-abdollahian"),
        ("Fouad Hussain", "Fuad Hussein", "generated", "fuad-hussein"),
        ("amir abdollahian", "Amir-Abdollahian", "folded", "hossein-amir-abdollahian"),
    ]
    for ch in changes:
        assert text[ch.start:ch.end] == ch.original
        assert out[ch.out_start:ch.out_end] == ch.canonical


def test_seed_french_article(canonicalizer) -> None:
    from tests.conftest import SEEDS

    text = (SEEDS / "004_d6afaeafbc426307.txt").read_text(encoding="utf-8")
    out, changes = canonicalizer.canonicalize(text, "fr")
    assert "Hussain Ibrahim Taha" not in out and "Hussein Ibrahim Taha a également" in out
    assert "Al-Quds" in out and "Al-Qods" not in out
    assert "d\u2019Amir-Abdollahian" in out
    assert {c.entry_id for c in changes} >= {"hossein-amir-abdollahian", "hussein-ibrahim-taha",
                                              "al-quds", "organization-of-islamic-cooperation"}


def test_seed_english_articles(canonicalizer) -> None:
    from tests.conftest import SEEDS

    text = (SEEDS / "002_9ba393b7116c032c.txt").read_text(encoding="utf-8")
    out, changes = canonicalizer.canonicalize(text, "en")
    assert out.count("Ali Bagheri Kani") == 1 and "Ali Bagheri spoke" not in out
    assert "Bagheri Kani also praised" in out
    assert "Fidan also stressed" in out  # already canonical: untouched
    text = (SEEDS / "001_719785d079ad14dd.txt").read_text(encoding="utf-8")
    out, _ = canonicalizer.canonicalize(text, "en")
    assert "counterpart Fuad Hussein," in out


@pytest.mark.parametrize(("text", "lang"), [
    ("Wounded were taken to the al-Aqsa Martyrs Hospital in Deir al-Balah.", "en"),
    ("Hamas's Al Aqsa TV aired the video.", "en"),
    ("Les brigades al-Qods ont revendiqué les tirs.", "fr"),
    ("Soleimani commandait la force al-Qods.", "fr"),
    ("Les Brigades d'al-Quds sont l'aile armée du mouvement.", "fr"),
    ("The movement said the brigades of Al- Quds will respond.", "en"),
])
def test_shipped_glossary_keeps_what_is_named_after_a_holy_place(canonicalizer, text: str,
                                                                  lang: str) -> None:
    assert canonicalizer.canonicalize(text, lang)[0] == text


@pytest.mark.parametrize(("text", "expected"), [
    # a later pass never splits what an earlier one wrote: no "Al-Aqsa Storm" out of "assaut
    # de la" and the "Al-Aqsa" of "Al-Aqsa Mosque"
    ("L'OCI a condamné la prise d'assaut de la mosquée Al Aqsa.",
     "L'OIC a condamné la prise d'assaut de la Al-Aqsa Mosque."),
    ("Le Roi, Président du Comité d'Al-Qods, a reçu l'Agence Bayt Mal Al-Qods Acharif.",
     "Le Roi, Président du Comité d'Al-Qods, a reçu l'Agence Bayt Mal Al-Qods Acharif."),
    ("Un État avec Al-Qods-Est pour capitale.", "Un État avec East Jerusalem pour capitale."),
    ("Mardi, le quotidien al-Quds a rapporté que Al Qods Echerif restait fermée.",
     "Mardi, le quotidien al-Quds a rapporté que Al Qods Echerif restait fermée."),
    ("Le chef du Jihad islamique palestinien (JIP) a parlé.",
     "Le chef du Islamic Jihad (PIJ) a parlé."),
])
def test_shipped_glossary_in_french_oic_coverage(canonicalizer, text: str,
                                                 expected: str) -> None:
    assert canonicalizer.canonicalize(text, "fr")[0] == expected


def test_shipped_glossary_reads_algerian_french(canonicalizer) -> None:
    out, _ = canonicalizer.canonicalize("Le Hamas à Ghaza et dans la bande de Ghaza.", "fr")
    assert out == "Le Hamas à Gaza et dans la Gaza Strip."


def test_minimal_glossary_completes_compound_family_names() -> None:
    bare = entry("Hossein Amir-Abdollahian")
    text = "Amir Abdollahian met Amirabdollahian. Then Hossein Amir Abdollahian spoke."
    assert run(text, bare) == ("Amir-Abdollahian met Amir-Abdollahian. Then Hossein "
                               "Amir-Abdollahian spoke.")
    text = "Hossein Amir-Abdollahian arrived. Later Abdollahian said yes."
    assert run(text, bare) == ("Hossein Amir-Abdollahian arrived. Later Amir-Abdollahian "
                               "said yes.")


def test_only_single_word_short_forms_are_derived() -> None:
    """"Idriss Deby" inside "Mahamat Idriss Deby" names the father: never a short form."""
    deby = entry("Mahamat Idriss Deby")
    text = "Mahamat Idriss Deby spoke. Idriss Déby ruled before. Later Déby said."
    assert run(text, deby) == text  # the other Idriss Déby makes a bare "Déby" ambiguous
    text = "Mahamat Idriss Deby spoke. Later Déby said."
    assert run(text, deby) == "Mahamat Idriss Deby spoke. Later Deby said."
    taha = entry("Hussein Ibrahim Taha")
    text = "Hussein Ibrahim Taha came. Brahim Taha spoke."
    assert run(text, taha) == text


def test_initial_and_family_name() -> None:
    raisi = entry("Ebrahim Raisi")
    text = "Ebrahim Raisi won. Monsieur I. Raissi thanked M. Raisi's team."
    assert run(text, raisi) == "Ebrahim Raisi won. Monsieur Ebrahim Raisi thanked M. Raisi's team."


# --- real look-alikes and real variants seen in news coverage (tests/data/real_name_pairs.csv,
# collected from stored public news pages; see bench/realtext/observations.md) -----------------
def _real_pairs(same: str) -> list[tuple[str, str]]:
    import csv
    from pathlib import Path

    path = Path(__file__).parent / "data" / "real_name_pairs.csv"
    with path.open(encoding="utf-8") as handle:
        return [(r["a"], r["b"]) for r in csv.DictReader(handle) if r["same"] == same]


def _merges(canonical: str, other: str) -> bool:
    text = f"On Monday, {other} told reporters in Baghdad that talks would go on."
    _, changes = Canonicalizer(Glossary.build([entry(canonical)])).canonicalize(text, "en")
    return any(ch.original == other for ch in changes)


@pytest.mark.parametrize("canonical, other", _real_pairs("0"))
def test_real_look_alikes_never_merge(canonical: str, other: str) -> None:
    assert not _merges(canonical, other)


def test_real_variant_pairs_mostly_merge_from_one_spelling() -> None:
    """Many real pairs differ by translation, titles or middle names (by design not merged from
    a single spelling); the romanization ones must be caught."""
    pairs = _real_pairs("1")
    merged = sum(_merges(a, b) for a, b in pairs)
    assert merged / len(pairs) >= 0.55


def test_replacement_that_completes_a_longer_name_is_a_fixed_point() -> None:
    """A join match can make the text before it spell a longer listed name: the result must
    still be stable, and its change log must still map input offsets to output offsets."""
    flood = Entry(id="flood", canonical="Al-Aqsa Flood", type="event",
                  variants=(Variant("Al-Aqsa Deluge"), Variant("Déluge d'Al-Aqsa")))
    c = Canonicalizer(Glossary.build([flood]))
    text = "Le Déluge d'Al-AqsaDéluge continue."
    out, changes = c.canonicalize(text, "fr")
    assert c.canonicalize(out, "fr") == (out, [])
    assert out == "Le Al-Aqsa Flood continue."  # never "Flood Flood"
    for ch in changes:
        assert text[ch.start:ch.end] == ch.original and out[ch.out_start:ch.out_end] == ch.canonical


def test_english_words_are_not_articles() -> None:
    sadr = entry("Muqtada al-Sadr")
    assert run("talks stalled as Muqtada Al Sadr refused.", sadr) == (
        "talks stalled as Muqtada al-Sadr refused.")
    assert run("known as Hemedti.", entry("Mohamed Hamdan Dagalo", "Hemedti")) == (
        "known as Mohamed Hamdan Dagalo.")


def test_a_look_alike_blocks_short_forms_only_from_where_it_appears() -> None:
    houthi = entry("Abdul-Malik al-Houthi")
    text = ("Abdul-Malik al-Houthi spoke; Al-Houthi said more. Mohammed Ali al-Houthi agreed; "
            "Al-Houthi left.")
    out = run(text, houthi)
    assert "agreed; Al-Houthi left." in out and "Mohammed Ali al-Houthi agreed" in out
    assert "spoke; al-Houthi said more." in out


def test_a_lower_case_canonical_is_capitalized_where_a_sentence_starts() -> None:
    hayya = entry("Khalil al-Hayya")
    text = "Khalil al-Hayya arrived. Al-Hayya spoke; then Al-Hayya left."
    assert run(text, hayya) == "Khalil al-Hayya arrived. Al-Hayya spoke; then al-Hayya left."


def test_a_relative_introduced_as_such_does_not_block_short_forms() -> None:
    hayya = entry("Khalil al-Hayya")
    text = ("Khalil al-Hayya arrived. A strike killed his son Humam al-Hayya; later "
            "Al-Hayya spoke.")
    assert run(text, hayya).endswith("later al-Hayya spoke.")
    text = "Khalil al-Hayya arrived with Humam al-Hayya; later Al-Hayya spoke."
    assert run(text, hayya) == text  # no kinship named: two al-Hayyas, the bare one is left
    pilot = entry("Muath al-Kaseasbeh")
    text = ("Muath al-Kasasbeh, son of the retired teacher Safi Yousef al-Kasasbeh, died. "
            "Al-Kasasbeh was promoted.")
    assert run(text, pilot).endswith(". Al-Kaseasbeh was promoted.")
    text = ("Muath al-Kasasbeh a été tué ; son frère aîné, Jawdat Safi al-Kasasbeh, parle "
            "d'al-Kasasbeh.")
    assert run(text, pilot, lang="fr").endswith("parle d'al-Kaseasbeh.")
    kaftancioglu = entry("Canan Kaftancıoğlu")  # a relation through another, described
    text = ("Canan Kaftancioglu spoke: her husband's father, the writer Ümit Kaftancıoğlu, was "
            "shot in 1980. Kaftancioglu is an ally of the mayor.")
    assert run(text, kaftancioglu).endswith("Kaftancıoğlu is an ally of the mayor.")
    khawaja = entry("Abdulhadi al-Khawaja")  # the relative named first, then called one
    text = ("Abdulhadi al-Khawaja is jailed. Zainab Al-Khawaja, a daughter of the activist, "
            "was sentenced, and Al-Khawaja himself ended his strike.")
    assert run(text, khawaja).endswith("and al-Khawaja himself ended his strike.")


def test_a_given_name_in_another_name_does_not_block_short_forms() -> None:
    kassem = entry("Naim Qassem", "Naïm Kassem", fr=("Kassem",))
    text = ("Naïm Kassem a promis de poursuivre. Il a rendu hommage au général Qassem Soleimani."
            " Kassem a aussi salué le Parlement.")
    out = run(text, kassem, lang="fr")
    assert "général Qassem Soleimani." in out
    assert out.endswith(" Qassem a aussi salué le Parlement.")


def test_middle_names_left_out_after_a_full_mention() -> None:
    e = entry("Abdul Latif Rashid")
    text = "Abdul Latif Rashid arrived in Tehran. Later Abdul Rashid met the Supreme Leader."
    assert run(text, e) == text.replace("Abdul Rashid", "Abdul Latif Rashid")


def test_family_name_as_the_document_spelled_it_is_a_short_form() -> None:
    e = entry("Mohamed Hamdan Dagalo")
    text = "General Mohamed Hamdan Daglo spoke. Daglo said the war would end."
    assert run(text, e) == text.replace("Daglo", "Dagalo")


def test_family_name_of_another_listed_spelling_is_a_short_form() -> None:
    e = entry("Ali Dheere", "Ali Dhere")
    text = "Ali Dheere was listed. In August Dhere was wounded."
    assert run(text, e) == text.replace("Dhere", "Dheere")
    fr = entry("Borhen Bssais", "Borhen Bsaies")
    text = "La justice a condamné Borhen Bsaies. M. Bsaies a fait appel."
    assert run(text, fr, lang="fr") == text.replace("Bsaies", "Bssais")
    assert run("Dhere was wounded.", e) == "Dhere was wounded."  # no full mention before
    # articles aside, the given names part for part
    taishi = entry("Mohamed Hassan Al-Taishi", "Muhammad Hassan Taayashi")
    text = "Muhammad Hassan Taayashi is back. Born in Darfur, Taayashi left the party."
    assert run(text, taishi) == (
        "Mohamed Hassan Al-Taishi is back. Born in Darfur, Taishi left the party.")
    # the given names a vowel off at most ("Qassem" for Qasim)
    muslih = entry("Qasim Muslih", "Qassem Musleh")
    text = "After the arrest of Qassem Musleh, a committee would question Musleh."
    assert run(text, muslih) == (
        "After the arrest of Qasim Muslih, a committee would question Muslih.")
    # only from a spelling with the canonical's given names: "Abu Zubeyr" is another name
    alias = entry("Ahmed Godane", "Abu Zubeyr")
    text = "Ahmed Godane spoke. Zubeyr said nothing."
    assert run(text, alias) == text
    other = entry("Qasim Muslih", "Hashem Musleh")  # another given name: no short form
    text = "Hashem Musleh spoke. Musleh said nothing."
    assert run(text, other) == "Qasim Muslih spoke. Musleh said nothing."


def test_family_name_of_a_listed_spelling_with_other_vowels_is_a_short_form() -> None:
    # the listed spelling's given names are written another way ("Abou Akla" for Abuagla),
    # its last word is the family name with other vowels: the document's short form of it
    e = entry("Abuagla Keikal", "Abou Akla Kikel")
    text = "Abou Akla Kikel joined the army. Talks with Kikel had begun in the summer."
    assert run(text, e) == ("Abuagla Keikal joined the army. Talks with Keikal had begun in "
                            "the summer.")
    alias = entry("Ahmed al-Sharaa", "Abu Mohammed al-Jolani")  # another name, not a spelling
    text = "Abu Mohammed al-Jolani spoke. Jolani said nothing."
    assert run(text, alias) == "Ahmed al-Sharaa spoke. Jolani said nothing."


def test_family_name_after_a_respelled_full_mention_is_a_short_form() -> None:
    # "Ahmed al-Zend" is the person in full by the document rule (the document names him
    # "Ahmed al-Zind" too): "Zend" after it is his family name as the document spells it
    e = entry("Ahmed al-Zind")
    text = ("Ahmed al-Zend was sworn in. As club chairman, Zend had struck judges off. "
            "Ahmed al-Zind was born in Tanta.")
    assert run(text, e) == text.replace("Zend", "Zind")
    # a respelling of a listed name with a title in it: its last word is no family name
    qavam = entry("Ahmad Qavam", "Qavam os-Saltaneh")
    text = ("Ghavam el-Saltaneh was named again. Saltaneh had led the government. "
            "Qavam os-Saltaneh died in 1955.")
    assert " Saltaneh had led the government." in run(text, qavam)


def test_first_name_alone_after_the_full_name_as_written_there() -> None:
    voria = entry("Voria Ghafouri")
    text = "Vouria Ghafouri has signed again. Vouria joined the club from Sepahan in 2016."
    assert run(text, voria) == text.replace("Vouria", "Voria")
    jalalian = entry("Zeynab Jalalian")
    text = "Zeinab Jalalian is ill, her lawyer said. Zeinab has been jailed since 2008."
    assert run(text, jalalian) == text.replace("Zeinab", "Zeynab")


@pytest.mark.parametrize("text", [
    # before the full mention
    "Vouria joined the club in 2016. Vouria Ghafouri has signed again.",
    # someone else of the document carries the name
    "Vouria Ghafouri has signed. His cousin Vouria Haddad said Vouria would stay.",
    # beside another name word, even through a typo
    "Vouria Ghafouri has signed. Fans of Vouria ak-Ghafouri cheered.",
    # in capitals, an acronym or a headline
    "Vouria Ghafouri has signed. VOURIA said nothing.",
    # before a family name led by its article, even in lower case: a longer name
    "Vouria Ghafouri has signed. Fans of Vouria al-ghafouri cheered.",
])
def test_first_name_alone_left_alone(text: str) -> None:
    voria = entry("Voria Ghafouri")
    assert "vouria" in run(text, voria).replace("Voria Ghafouri", "").lower()


def test_first_name_alone_never_for_the_prophet_or_a_name_anyone_carries() -> None:
    shamil = entry("Shamil Basayev")
    text = "Chamil Bassaïev portait le prénom de l'imam Chamil, figure de la résistance."
    assert run(text, shamil, lang="fr").endswith("de l'imam Chamil, figure de la résistance.")
    mbs = entry("Muhammad bin Salman")
    text = "Mohammed bin Salman spoke of Mohammed, who founded the faith."
    assert run(text, mbs).endswith("spoke of Mohammed, who founded the faith.")
    title = entry("Sheikh Tamim")  # a title first: no first name to call him by
    assert run("Sheikh Tamim spoke. Sheikh said so.", title) == (
        "Sheikh Tamim spoke. Sheikh said so.")


@pytest.mark.parametrize(("canonical", "full", "alone", "written"), [
    ("Tahar Ben Jelloun", "Tahar Ben Jelloun", "Benjelloun", "Ben Jelloun"),
    ("Hassiba Ben Bouali", "Hassiba Benbouali", "Benbouali", "Ben Bouali"),
    ("Ghazi Al Gosaibi", "Ghazi Al Gosaibi", "Algosaibi", "Al Gosaibi"),
    # and the other way round
    ("Benyoucef Benkhedda", "Benyoucef Ben Khedda", "Ben Khedda", "Benkhedda"),
    ("Saud Alsanousi", "Saud Alsanousi", "Al-Sanousi", "Alsanousi"),
])
def test_a_family_name_with_ben_or_al_written_as_one_word_is_a_short_form(
        canonical: str, full: str, alone: str, written: str) -> None:
    e = entry(canonical)
    assert run(f"{full} won the prize. {alone} said so.", e) == (
        f"{canonical} won the prize. {written} said so.")
    assert run(f"{alone} said so.", e) == f"{alone} said so."  # no full mention before


def test_a_middle_initial_after_the_first_name_is_the_person_in_full() -> None:
    e = entry("Ghazi Al Gosaibi")
    text = "Ghazi Al Gosaibi was a poet. Readers of Ghazi A. Algosaibi know his novels."
    assert run(text, e) == "Ghazi Al Gosaibi was a poet. Readers of Ghazi Al Gosaibi know " \
        "his novels."
    text = "Ghazi Al Gosaibi was a poet. Readers of Hamad A. Algosaibi know his novels."
    assert "Hamad A. Algosaibi" in run(text, e)  # another first name: someone else


def test_middle_initials_between_first_and_family_name() -> None:
    zewail = entry("Ahmed Zewail", "Ahmed Hassan Zewail")
    # the listed middle name's initial: the person in full, anywhere
    assert run("Ahmed H. Zewail won the prize.", zewail) == "Ahmed Zewail won the prize."
    # an initial no listed spelling explains: only where the document names him otherwise
    assert run("Ahmed K. Zewail won the prize.", zewail) == "Ahmed K. Zewail won the prize."
    assert run("Ahmed K. Zewail won. Ahmed Zewayl said so.", zewail) == (
        "Ahmed Zewail won. Ahmed Zewail said so.")
    # after another name: someone else's name
    text = "Raushan Ahmed H. Zewail spoke."
    assert run(text, zewail) == text
    ghoneim = entry("Mohamed Ghoneim", "Mohamed A. Ghoneim")  # "A." is an initial here
    assert run("Its founder, Mohammed A. Ghoneim, spoke.", ghoneim) == (
        "Its founder, Mohamed Ghoneim, spoke.")


def test_a_compound_family_name_written_as_one_word_is_a_short_form() -> None:
    e = entry("Massoud Ali Mohammadi")
    text = "Massoud Ali Mohammadi was killed. Ali-Mohammadi taught physics."
    assert run(text, e) == text.replace("Ali-Mohammadi", "Ali Mohammadi")
    text = "Massoud Ali Mohammadi was killed. Ali Mohammadi spoke."  # apart: a name of its own
    assert run(text, e) == text
    # the document's joined spelling of two parts is not the family name alone
    text = "Masoud Alimohammadi was killed. Alimohammadi taught physics."
    assert run(text, e) == text.replace("Masoud Alimohammadi", "Massoud Ali Mohammadi")


def test_listed_spellings_with_initials_and_periods() -> None:
    e = entry("Eddie Hardin", "Eddie T. Hardin")
    us = entry("United States", "U.S.", type="place")
    assert run("Eddie T. Hardin said.", e) == "Eddie Hardin said."
    assert run("Eddie T.\nHardin said.", e) == "Eddie Hardin said."
    assert run("Eddie T.. Hardin said.", e) == "Eddie T.. Hardin said."
    assert run("the U.S. said so", us) == "the United States said so"
    assert run("aid from the U.S. The talks", us) == "aid from the United States. The talks"
    assert run("they told us.", us) == "they told us."
    jr = entry("Suleiman Frangieh", "Suleiman Frangieh Jr.")  # its one period is its end
    assert run("it called him Suleiman Frangieh Jr., then", jr) == (
        "it called him Suleiman Frangieh, then")
    assert run("it called him Suleiman Frangieh Jr. Then", jr) == (
        "it called him Suleiman Frangieh. Then")


def test_a_fathers_name_after_bin_is_nobodys_short_form() -> None:
    e = entry("Abdullah bin Zayed Al Nahyan")
    text = ("Abdullah bin Zayed Al Nahyan met the envoy. President Mohammed bin Zayed "
            "attended, and Zayed was remembered.")
    assert run(text, e) == text


def test_name_and_fathers_name_after_a_full_mention() -> None:
    e = entry("Mohammed bin Abdulrahman Al Thani")
    text = ("Sheikh Mohammed bin Abdulrahman Al Thani was appointed. Sheikh Mohammed bin "
            "Abdulrahman also kept the foreign ministry.")
    assert run(text, e) == text.replace("bin Abdulrahman also", "bin Abdulrahman Al Thani also")


def test_a_listed_family_name_is_respelled_before_any_full_mention() -> None:
    """Written as the canonical's family name it changes spelling only, whoever of the
    family it names; a listed family name the canonical writes longer waits for the full
    name ("Bagheri" may be another Bagheri), and so does any family name inside another
    name, also after a French elided "d'"."""
    khomeini = entry("Ruhollah Khomeini", "Khomeiny")
    assert run("Khomeiny returned in 1979.", khomeini) == "Khomeini returned in 1979."
    kani = entry("Ali Bagheri Kani", "Bagheri")
    assert run("Then Bagheri spoke.", kani) == "Then Bagheri spoke."
    moghaddam = entry("Hassan Tehrani Moghaddam", "Moghadam")
    text = "La nomination d'Ahmadi Moghadam à la police."
    assert run(text, moghaddam, lang="fr") == text


def test_listed_name_without_its_first_name_becomes_the_canonical() -> None:
    """A listed variant of several words led by a given name is the name in full; a listed
    family name stays short ("Amir-Abdollahian" is never given its given name)."""
    e = entry("Recep Tayyip Erdogan", "Tayyip Erdogan", "Erdogan")
    assert run("President Tayyip Erdogan spoke.", e) == "President Recep Tayyip Erdogan spoke."
    kani = entry("Ali Bagheri Kani", "Bagheri Kani")
    assert run("Then Bagheri Kani spoke.", kani) == "Then Bagheri Kani spoke."
    # so is the canonical without a first Muhammad, whatever the given name after it
    shaar = entry("Mohammad Nidal Al-Shaar", "Nidal al-Shaar")
    assert run("Minister Nidal al-Shaar spoke.", shaar) == (
        "Minister Mohammad Nidal Al-Shaar spoke.")
    # Muhammad abbreviated as Malaysia writes it ("Mohd"), with its period before the name
    asri = entry("Mohd Asri Zainul Abidin", "Asri Zainul Abidin")
    assert run("The mufti Asri Zainul Abidin spoke.", asri) == (
        "The mufti Mohd Asri Zainul Abidin spoke.")
    assert run("Le mufti Mohd. Asri Zainul Abidin a parlé. Mohd. Asri est parti.", asri,
               lang="fr") == ("Le mufti Mohd Asri Zainul Abidin a parlé. Mohd Asri Zainul Abidin"
                              " est parti.")
    # led by a given name of the romanization table ("Ousmane" is Uthman), but not by "Bou"
    haidara = entry("Chérif Ousmane Madani Haïdara", "Ousmane Madani Haïdara")
    assert run("Then Ousmane Madani Haïdara spoke.", haidara) == (
        "Then Chérif Ousmane Madani Haïdara spoke.")
    assert run("Then Bou Saab spoke.", entry("Elias Bou Saab", "Bou Saab")) == (
        "Then Bou Saab spoke.")
    # and a kunya with its nisba, the name the person is known by
    sahrawi = entry("Adnan Abu Walid al-Sahrawi", "Abou Walid al-Sahraoui")
    assert run("Abou Walid al-Sahraoui died.", sahrawi) == "Adnan Abu Walid al-Sahrawi died."


# --- acronyms and article-led short forms after a full mention ------------------------------
HTS = entry("Hayat Tahrir al-Sham", type="org")
MBS = entry("Mohammed bin Salman")


@pytest.mark.parametrize(("text", "expected"), [
    ("Hayat Tahrir al-Sham took Aleppo. Washington still lists HTS as a terrorist group.",
     "Hayat Tahrir al-Sham took Aleppo. Washington still lists Hayat Tahrir al-Sham as a "
     "terrorist group."),
    ("Mohammed bin Salman hosted the summit. MBS met the emir.",
     "Mohammed bin Salman hosted the summit. Mohammed bin Salman met the emir."),
    # the document's own spelling gives the acronym too (French "Cham")
    ("Hayat Tahrir al-Cham a pris Alep. Le groupe HTC contrôle Idleb.",
     "Hayat Tahrir al-Sham a pris Alep. Le groupe Hayat Tahrir al-Sham contrôle Idleb."),
])
def test_acronym_after_a_full_mention(text: str, expected: str) -> None:
    assert expanding(text, HTS, MBS, lang="fr" if " a pris " in text else "en") == expected
    assert run(text, HTS, MBS, lang="fr" if " a pris " in text else "en") == \
        expected.replace(" Hayat Tahrir al-Sham ", " HTS " if " a pris " not in text else
                         " HTC ").replace(" Mohammed bin Salman met", " MBS met")


@pytest.mark.parametrize(("text", "lang"), [
    ("Haftar's Libyan National Army (LNA) pushed on. Analysts doubt the LNA can hold.", "en"),
    ("La défaite de l'Armée nationale libyenne (ANL) à Gharian. L'ANL a reculé.", "fr"),
])
def test_an_unlisted_acronym_stays_as_written_by_default(text: str, lang: str) -> None:
    # an acronym is another name, not a spelling: written as the name it would give
    # "Libyan National Army (Libyan National Army)" and "L'Libyan National Army"
    lna = entry("Libyan National Army", type="org", fr=("Armée nationale libyenne",))
    assert run(text, lna, lang=lang).count("LNA" if lang == "en" else "ANL") == 2


@pytest.mark.parametrize("text", [
    "Washington still lists HTS as a terrorist group. Hayat Tahrir al-Sham took Aleppo.",
    "Hayat Tahrir al-Sham took Aleppo. HTS SEIZES IDLIB",  # a headline in capitals
    "Hayat Tahrir al-Sham took Aleppo. Rebels of the HTSX group and xHTS.",
])
def test_acronym_needs_a_prior_full_mention_and_running_text(text: str) -> None:
    assert expanding(text, HTS) == text


def test_acronym_in_the_headline_before_the_story_names_it_in_full() -> None:
    text = "HTS fighters enter Aleppo\nRebels of Hayat Tahrir al-Sham took the city."
    assert expanding(text, HTS) == "Hayat Tahrir al-Sham fighters enter Aleppo\n" \
        "Rebels of Hayat Tahrir al-Sham took the city."


def test_acronym_shared_by_two_names_in_the_document_is_left_alone() -> None:
    mbs = entry("Mahmoud Bakr Saleh")
    text = "Mohammed bin Salman met Mahmoud Bakr Saleh. MBS spoke first."
    assert expanding(text, MBS, mbs) == text
    plain = "Mohammed bin Salman hosted. MBS spoke."
    no_short = Canonicalizer(Glossary.build([MBS]), short_forms=False, known_aliases=False)
    assert no_short.canonicalize(plain, "en")[0] == plain


def test_an_acronym_the_glossary_lists_for_another_language_only_is_not_derived() -> None:
    fmi = Entry("fmi", "Freedom Movement of Iran", "org",
                (Variant("FMI", frozenset({"en"})),
                 Variant("Mouvement pour la liberté d'Iran", frozenset({"fr"}))))
    text = "Le Mouvement pour la liberté d'Iran, à ne pas confondre avec le FMI."
    assert run(text, fmi, lang="fr") == (
        "Le Freedom Movement of Iran, à ne pas confondre avec le FMI.")
    assert run("The Freedom Movement of Iran and the FMI.", fmi) == (
        "The Freedom Movement of Iran and the Freedom Movement of Iran.")


def test_acronym_of_a_spelling_in_another_language_or_without_connectors() -> None:
    frmf = entry("Royal Moroccan Football Federation", type="org",
                 fr=("Fédération royale marocaine de football",))
    text = "Lekjaa heads the Royal Moroccan Football Federation. The FRMF chose Rabat."
    assert expanding(text, frmf) == text.replace("FRMF", "Royal Moroccan Football Federation")
    ivd = entry("Instance vérité et dignité", type="org")
    text = "L'Instance vérité et dignité a rendu son rapport. L'IVD a été dissoute."
    assert expanding(text, ivd, lang="fr") == text.replace("IVD", "Instance vérité et dignité")


def test_acronym_change_is_recorded_as_such() -> None:
    _out, changes = Canonicalizer(Glossary.build([HTS]), expand_acronyms=True).canonicalize(
        "Hayat Tahrir al-Sham (HTS) advanced.", "en")
    assert [(c.original, c.canonical, c.rule) for c in changes] == [
        ("HTS", "Hayat Tahrir al-Sham", "acronym")]


def test_short_form_with_an_article_the_glossary_does_not_write() -> None:
    safadi = entry("Ayman Safadi")
    text = "Ayman Safadi flew to Damascus. Al-Safadi said Jordan would help; al-Safadi left."
    assert run(text, safadi) == ("Ayman Safadi flew to Damascus. Safadi said Jordan would help;"
                                 " Safadi left.")
    text = "Ayman Safadi flew in. Later Ahmad al-Safadi, a cousin, spoke."
    assert run(text, safadi) == text


def test_short_form_with_an_article_inside_an_abu_family_name() -> None:
    """"Aboul" is "Abu al-": the family name written with its article apart, or as "Abol",
    is the same short form."""
    fotouh = entry("Abdel Moneim Aboul Fotouh")
    text = ("Abdel Moneim Aboul Fotouh ran in 2012. Abou El-Fotouh lost; Abol Fotouh and "
            "Abul Fotouh are other spellings.")
    assert run(text, fotouh) == ("Abdel Moneim Aboul Fotouh ran in 2012. Aboul Fotouh lost; "
                                 "Aboul Fotouh and Aboul Fotouh are other spellings.")


def test_listed_short_spelling_does_not_hide_an_unlisted_full_name() -> None:
    baqaei = entry("Esmaeil Baqaei", "Baghaei")
    text = "Spokesman Esmaeil Baghaei spoke on Monday. Baghaei also said talks went well."
    assert run(text, baqaei) == ("Spokesman Esmaeil Baqaei spoke on Monday. Baqaei also said "
                                 "talks went well.")


def test_a_title_case_headline_does_not_block_short_forms() -> None:
    dbeibah = entry("Abdul Hamid Dbeibah", "Dbeibeh")
    text = ("Dbeibeh Unveils a Bigger Cabinet Than Expected\n"
            "Prime Minister Abdulhamid Dbeibeh named 35 ministers. Dbeibeh keeps defence.")
    assert run(text, dbeibah) == (
        "Dbeibeh Unveils a Bigger Cabinet Than Expected\n"  # before the full mention: kept
        "Prime Minister Abdul Hamid Dbeibah named 35 ministers. Dbeibah keeps defence.")
    # in running text, a capitalized neighbour still makes another name
    text = "Abdul Hamid Dbeibah spoke. Ibrahim Dbeibah Nasser, a cousin, left. Dbeibah stayed."
    assert run(text, dbeibah) == text


def test_abdul_compound_is_one_name_in_short_forms() -> None:
    salam = entry("Mohammed Abdul Salam")
    text = ("Negotiator Mohammad Abdulsalam met the envoy. Abdulsalam and the envoy talked; "
            "later Abdul-Salam left.")
    assert run(text, salam) == ("Negotiator Mohammed Abdul Salam met the envoy. Abdul Salam and "
                                "the envoy talked; later Abdul Salam left.")
    # the bare second half is another name (Nawaf Salam): never a short form of it
    text = "Mohammed Abdul Salam met the envoy. Salam said no."
    assert run(text, salam) == text


def test_name_without_the_fathers_name_after_a_full_mention() -> None:
    ansari = entry("Majed bin Mohammed Al-Ansari")
    text = ("Majed bin Mohammed Al Ansari briefed reporters. Later Majed Al Ansari said talks "
            "went on.")
    assert run(text, ansari) == ("Majed bin Mohammed Al-Ansari briefed reporters. Later Majed "
                                 "bin Mohammed Al-Ansari said talks went on.")
    text = "Majed Al Ansari briefed reporters."  # before any full mention: someone else maybe
    assert run(text, ansari) == text


@pytest.mark.parametrize(("canonical", "text", "expected"), [
    ("Hodeidah", "Ships docked in Hudaydah on Monday.", "Ships docked in Hodeidah on Monday."),
    ("Hasakah", "Les combats ont repris à Hassaké.", "Les combats ont repris à Hasakah."),
    ("Rafah", "Rafa Nadal trained in Rafa.", "Rafa Nadal trained in Rafa."),  # too short
    ("Hodeidah", "hudaydah in lower case is no name.", "hudaydah in lower case is no name."),
])
def test_one_word_places_get_romanization_variants(canonical: str, text: str,
                                                   expected: str) -> None:
    lang = "fr" if " à " in text else "en"
    assert run(text, entry(canonical, type="place"), lang=lang) == expected


def test_one_word_people_get_no_unlisted_variants() -> None:
    assert run("Hemedtie spoke.", entry("Hemedti")) == "Hemedtie spoke."
    assert run("Mohamad spoke.", entry("Muhammad", type="place")) == "Mohamad spoke."


def test_a_title_case_headline_naming_a_look_alike_still_blocks() -> None:
    kani = entry("Ali Bagheri Kani", short="Bagheri Kani")
    text = "Mohammad Bagheri Visits Moscow\nAli Bagheri Kani met envoys. Bagheri said no."
    assert run(text, kani) == text


def test_a_name_that_goes_on_with_a_fathers_name_is_someone_else() -> None:
    obeida = entry("Abu Obeida", "Abu Obaida", type="person")
    text = "The mosque is named after Abu Obaida ibn al-Jarrah. Abu Obaida spoke on Monday."
    assert run(text, obeida) == ("The mosque is named after Abu Obaida ibn al-Jarrah. Abu Obeida "
                                 "spoke on Monday.")
    mbs = entry("Mohammed bin Salman")
    text = "Mohammad bin Salman bin Abdulaziz Al Saud hosted the summit."
    assert run(text, mbs) == "Mohammed bin Salman bin Abdulaziz Al Saud hosted the summit."


@pytest.mark.parametrize(("spellings", "text", "expected"), [
    # a listed "Abdul X" compound is a short form, not the full name
    (("Mohammed Abdul Salam", "Abdulsalam", "Abdul Salam"),
     "Mohammed Abdul Salam met the envoy. Later Abdulsalam and Abdul Salam spoke.",
     "Mohammed Abdul Salam met the envoy. Later Abdul Salam and Abdul Salam spoke."),
    # a listed spelling without the canonical's Abdul is the name in full, Abdul restored
    (("Abdul Latif Pedram", "Latīf Pedrām", "Lateef Pedram"),
     "Abdul Latif Pedram spoke. Then Lateef Pedram and Latīf Pedrām left.",
     "Abdul Latif Pedram spoke. Then Abdul Latif Pedram and Abdul Latif Pedram left."),
    (("Abdul Waheed Kakar", "Wahid Kakar"),
     "Command of the army passed to Wahid Kakar. Kakar brokered a deal.",
     "Command of the army passed to Abdul Waheed Kakar. Kakar brokered a deal."),
])
def test_a_listed_part_of_an_abdul_name_is_written_one_way(
        spellings: tuple[str, ...], text: str, expected: str) -> None:
    person = entry(*spellings)
    out = run(text, person)
    assert out == expected
    assert run(out, person) == out


# --- found on the fifth held-out set (Israel, Turkey, the Gulf, the Sahel) ----------------------
def test_a_capitalized_ben_before_the_last_word_is_a_family_name() -> None:
    ben_gvir = Entry("ben-gvir", "Itamar Ben-Gvir", "person", (Variant("Itamar Ben Gvir"),))
    text = "Itamar Ben Gvir resigned. Smotrich and Ben Gvir objected. Gvir is no name."
    assert run(text, ben_gvir) == ("Itamar Ben-Gvir resigned. Smotrich and Ben-Gvir objected. "
                                   "Gvir is no name.")
    # a lower-case "bin" is still a father's name
    assert run("Mohammed bin Salman met Khalid bin Salman. Salman left.",
               Entry("mbs", "Mohammed bin Salman", "person")) == (
        "Mohammed bin Salman met Khalid bin Salman. Salman left.")


def test_a_family_name_after_another_persons_article_led_name_is_not_a_short_form() -> None:
    emir = Entry("meshal", "Meshal Al-Ahmad Al-Jaber Al-Sabah", "person",
                 (Variant("Meshal al-Ahmad al-Sabah"),))
    text = ("Emir Meshal al-Ahmad al-Sabah dissolved parliament, as the late Sabah al-Ahmad "
            "al-Sabah did.")
    assert run(text, emir) == ("Emir Meshal Al-Ahmad Al-Jaber Al-Sabah dissolved parliament, "
                               "as the late Sabah al-Ahmad al-Sabah did.")


def test_handles_hashtags_and_addresses_are_never_rewritten() -> None:
    imamoglu = Entry("imamoglu", "Ekrem Imamoglu", "person")
    text = ("Ekrem İmamoğlu spoke. — Ekrem İmamoğlu (@ekrem_imamoglu) #Imamoglu "
            "https://x.com/imamoglu imamoglu said")
    assert run(text, imamoglu) == ("Ekrem Imamoglu spoke. — Ekrem Imamoglu (@ekrem_imamoglu) "
                                   "#Imamoglu https://x.com/imamoglu imamoglu said")


def test_a_one_word_name_in_lower_case_is_a_common_noun_in_english() -> None:
    majlis = entry("Majlis", "Majles", type="org")
    text = "Any majlis is a sitting room; the Majles of Iran is its parliament."
    assert run(text, majlis) == text.replace("Majles", "Majlis")
    # French writes the members of a movement in lower case: they are still the movement
    shabaab = entry("Al-Shabaab", "Shebab", type="org")
    assert run("Les shebab ont attaqué.", shabaab, lang="fr") == "Les Al-Shabaab ont attaqué."


def test_a_one_word_spelling_after_ben_is_someone_elses_fathers_name() -> None:
    sultan = Entry("haitham", "Haitham bin Tarik", "person", (Variant("Haïtham"),))
    assert run("Le sultan Haïtham a nommé Theyazin ben Haïtham.", sultan, lang="fr") == (
        "Le sultan Haitham bin Tarik a nommé Theyazin ben Haïtham.")


def test_an_article_written_apart_joins_a_name_that_starts_with_one() -> None:
    shabaab = Entry("shabaab", "Al-Shabaab", "org", (Variant("shebab"),))
    assert run("les Al shebab et les shebab", shabaab, lang="fr") == (
        "les Al-Shabaab et les Al-Shabaab")


def test_a_hyphen_joined_article_is_looked_through_a_french_et_is_not() -> None:
    menfi = Entry("menfi", "Mohammed Menfi", "person", (Variant("Mohamed Manfi"),))
    sarraj = Entry("sarraj", "Fayez al-Sarraj", "person")
    text = "Mohamed Manfi arriva. Fayez al-Sarraj partit, sans rencontre entre el-Sarraj et Manfi."
    assert run(text, menfi, sarraj, lang="fr").endswith("entre al-Sarraj et Menfi.")


def test_a_period_after_an_abbreviation_written_without_periods_stays() -> None:
    us = Entry("us", "US", "place", (Variant("U.S."),))
    once = run("U.S.. the talks", us)
    assert once == "US. the talks" and run(once, us) == once  # a fixed point


# --- found on the sixth held-out set -----------------------------------------------------------
def test_a_one_part_spelling_after_a_given_name_is_that_persons_or_someone_elses() -> None:
    faraj = Entry("faraj", "Majed Faraj", "person", (Variant("al-Faraj"),))
    assert run("Majed al-Faraj could manage Gaza. His brother Amjad al-Faraj died.", faraj) == (
        "Majed Faraj could manage Gaza. His brother Amjad al-Faraj died.")
    farmajo = Entry("farmajo", "Mohamed Abdullahi Mohamed", "person", (Variant("Farmajo"),))
    assert run("President Mohamed Farmajo left.", farmajo) == (
        "President Mohamed Abdullahi Mohamed left.")


def test_a_one_word_organisation_spelling_inside_another_name_is_left_alone() -> None:
    nujaba = Entry("nujaba", "Harakat Hezbollah al-Nujaba", "org", (Variant("Nujaba"),))
    hezbollah = Entry("hezbollah", "Hezbollah", "org", (Variant("Hizbullah"),))
    text = ("the al-Nujaba group, Harakat al Nujaba, Kataib Hizbullah, Lebanese Hizbullah, "
            "Nujaba fighters")
    assert run(text, nujaba, hezbollah) == (
        "the Harakat Hezbollah al-Nujaba group, Harakat al Nujaba, Kataib Hizbullah, Lebanese "
        "Hezbollah, Harakat Hezbollah al-Nujaba fighters")


def test_an_unlisted_one_word_place_variant_must_stand_alone() -> None:
    tigray = Entry("tigray", "Tigray", "place")
    assert run("as Tigrai TV reported. In Tigrai, fighting.", tigray) == (
        "as Tigrai TV reported. In Tigray, fighting.")


def test_a_listed_start_of_a_name_takes_the_family_name_in_another_spelling() -> None:
    saif = entry("Saif al-Islam Gaddafi", "Seif al-Islam")
    assert run("Seif al-Islam Kadhafi a parlé. Seif al-Islam El-Kadhafi aussi. Seif al-Islam "
               "est candidat. Seif al-Islam Mouammar Kadhafi.", saif, lang="fr") == (
        "Saif al-Islam Gaddafi a parlé. Saif al-Islam Gaddafi aussi. Saif al-Islam Gaddafi "
        "est candidat. Saif al-Islam Gaddafi.")
    # any other name after it is someone else's: never "Abdel Fattah al-Burhan al-Sisi"
    burhan = entry("Abdel Fattah al-Burhan", "Abdel Fattah")
    assert run("Abdel Fattah al-Sisi met Abdel Fattah on Monday.", burhan) == (
        "Abdel Fattah al-Sisi met Abdel Fattah al-Burhan on Monday.")


def test_a_headline_may_name_a_person_before_the_story_does() -> None:
    morsi = entry("Mohammed Morsi", "Mursi")
    assert run("Former president Mursi dies in court\nEgypt's former president Mohammed Mursi "
               "collapsed. Mursi was 67.", morsi) == (
        "Former president Morsi dies in court\nEgypt's former president Mohammed Morsi "
        "collapsed. Morsi was 67.")
    # a first line that a sentence runs on from is no headline (for a short form the
    # glossary does not list: "Marsi" is no romanization of Morsi, only a respelling that
    # needs the full name before it); nor one with another Mursi
    assert run("The court said Marsi had\ncollapsed. Mohammed Mursi was 67. Marsi left.",
               entry("Mohammed Morsi", "Mohammed Mursi")) == (
        "The court said Marsi had\ncollapsed. Mohammed Morsi was 67. Morsi left.")
    # (the family name in another romanization is his, before the full name too)
    assert run("The court said Mursi had\ncollapsed. Mohammed Mursi was 67.",
               entry("Mohammed Morsi", "Mohammed Mursi")) == (
        "The court said Morsi had\ncollapsed. Mohammed Morsi was 67.")
    assert run("Mursi sons detained\nAhmed Mursi and Mohammed Mursi were there.", morsi) == (
        "Mursi sons detained\nAhmed Mursi and Mohammed Morsi were there.")
    # the story's first word does not continue a name that ends the headline
    tantawi = entry("Mohamed Hussein Tantawi", fr=("Tantaoui",))
    assert run("Mort du maréchal Tantaoui\nLe maréchal Mohamed Hussein Tantawi est mort.",
               tantawi, lang="fr") == (
        "Mort du maréchal Tantawi\nLe maréchal Mohamed Hussein Tantawi est mort.")


def test_the_ezafe_of_an_organisation_name_is_one_letter_either_way() -> None:
    ttp = entry("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", type="org")
    assert run("the Tehrik-e Taliban Pakistan and the Tehreek-i-Taliban Pakistan", ttp) == (
        "the Tehrik-i-Taliban Pakistan and the Tehrik-i-Taliban Pakistan")
    hezb = entry("Hezb-e-Islami", type="org")
    assert run("the Hizb-e-Islami and the Hezb-i-Islami", hezb) == (
        "the Hezb-e-Islami and the Hezb-e-Islami")


def test_turkish_and_french_cedillas() -> None:
    cavusoglu = entry("Mevlut Cavusoglu")
    assert run("Mevlut Cavusoglu spoke. Then Çavuşoğlu left.", cavusoglu) == (
        "Mevlut Cavusoglu spoke. Then Cavusoglu left.")
    kabore = entry("Roch Marc Christian Kaboré")
    assert run("Burkina's Roch Marc Christian Kaboré spoke. Then Kabore left.", kabore) == (
        "Burkina's Roch Marc Christian Kaboré spoke. Then Kaboré left.")


def test_a_place_after_a_geographic_feature_word_is_still_the_place() -> None:
    hadramout = Entry("hadramout", "Hadramout", "place", (Variant("Hadramaut"),))
    hezbollah = Entry("hezbollah", "Hezbollah", "org", (Variant("Hizbullah"),))
    assert run("in Wadi Hadramaut, near Kataib Hizbullah posts", hadramout, hezbollah) == (
        "in Wadi Hadramout, near Kataib Hizbullah posts")


def test_an_initial_after_the_persons_own_first_name_or_someone_elses() -> None:
    deni = entry("Said Abdullahi Deni", "Said Deni")
    assert run("Said Deni won. Said A. Deni was sworn in. Then A. Deni spoke.", deni) == (
        "Said Abdullahi Deni won. Said Abdullahi Deni was sworn in. Then Said Abdullahi Deni "
        "spoke.")
    assert run("Said Deni won. His rival Abdi A. Deni lost.", deni) == (
        "Said Abdullahi Deni won. His rival Abdi A. Deni lost.")


def test_a_listed_end_of_a_name_after_another_name_is_someone_elses() -> None:
    essebsi = entry("Beji Caid Essebsi", "Caïd Essebsi")
    assert run("Caïd Essebsi won. His ancestor Ismail Caïd Essebsi was a captive.", essebsi) == (
        "Caid Essebsi won. His ancestor Ismail Caïd Essebsi was a captive.")
    # the person's own first name in another romanization makes it the name in full
    abdollahian = entry("Hossein Amir-Abdollahian", "Amir Abdullahian")
    assert run("He met Hussein Amir Abdullahian. Ali Amir Abdullahian is another.",
               abdollahian) == "He met Hossein Amir-Abdollahian. Ali Amir Abdullahian is another."
    # an ordinary word opening the sentence is no name
    assert run("Hello Amir Abdullahian.", abdollahian) == "Hello Amir-Abdollahian."


def test_a_biography_opener_is_not_a_name_part() -> None:
    zebari = entry("Hoshyar Zebari")
    assert run("Born Hoshyar Mahmud Mohammed Zebari in Aqrah, he rose.", zebari) == (
        "Born Hoshyar Zebari in Aqrah, he rose.")


def test_a_slash_inside_an_abbreviated_name_but_not_between_two_names() -> None:
    yemane = entry("Yemane Gebremeskel", "Yemane G/Meskel")
    splm = entry("SPLM/IO", "SPLM/A-IO", type="org")
    assert run("Mr Yemane G/Meskel said the SPLM/A-IO and the SPLM-IO met.", yemane, splm) == (
        "Mr Yemane Gebremeskel said the SPLM/IO and the SPLM/IO met.")
    dbeibah = entry("Abdul Hamid Dbeibah")
    assert run("Abdul Hamid Dbeibah won. The Menfi/Dbeyba tandem must now convince.",
               dbeibah) == ("Abdul Hamid Dbeibah won. The Menfi/Dbeibah tandem must now "
                            "convince.")  # two people: Menfi is not a part of his name


def test_two_initials_and_a_family_name() -> None:
    kayani = entry("Ashfaq Parvez Kayani")
    assert run("Ashfaq Parvez Kayani retired. Then A. P. Kayani spoke.", kayani) == (
        "Ashfaq Parvez Kayani retired. Then Ashfaq Parvez Kayani spoke.")


def test_a_quoted_nickname_the_canonical_spells_joins_the_mention() -> None:
    gosh = entry("Salah Gosh", "Salah Abdallah")
    assert run('Salah Abdallah "Gosh" was named; Salah Abdallah "Boss" too.', gosh) == (
        'Salah Gosh was named; Salah Gosh "Boss" too.')


def test_a_quoted_nickname_inside_a_name_is_never_rewritten_alone() -> None:
    """A listed nickname in quotes between two name words is inside a longer name: rewriting
    it alone would write 'Andal "Andal Ampatuan Jr." Ampatuan Jr.'. Alone it is the person."""
    andal = entry("Andal Ampatuan Jr.", "Unsay")
    text = 'Andal "Unsay" Ampatuan Jr. led them. Later Unsay spoke.'
    assert run(text, andal) == (
        'Andal "Unsay" Ampatuan Jr. led them. Later Andal Ampatuan Jr. spoke.')
    text = "Herzl « Herzi » Halevi parle."
    assert run(text, entry("Herzi Halevi", "Herzi"), lang="fr") == text


def test_a_listed_spelling_with_a_quoted_nickname_or_a_comma_is_found_as_written() -> None:
    """A glossary may list the name as the press writes it, nickname in quotes or ", Jr."
    included: the whole of it, closing quote too, is the mention, in either quote style."""
    toto = entry("Esmael Mangudadatu", 'Esmael "Toto" Mangudadatu')
    assert run('Governor Esmael “Toto” Mangudadatu filed. Esmael "Toto" Mangudadatu won.',
               toto) == "Governor Esmael Mangudadatu filed. Esmael Mangudadatu won."
    assert run("Le gouverneur Esmael « Toto » Mangudadatu a gagné.", toto, lang="fr") == (
        "Le gouverneur Esmael Mangudadatu a gagné.")
    godane = entry("Ahmed Godane", fr=("Ahmed Abdi « Godane »",))
    assert run("Ahmed Abdi «Godane» a été tué.", godane, lang="fr") == (
        "Ahmed Godane a été tué.")
    andal = entry("Andal Ampatuan Jr.", "Andal Ampatuan, Jr.")
    assert run("Andal Ampatuan, Jr. appealed.", andal) == "Andal Ampatuan Jr. appealed."
    # a comma between the words is no name gap where the spelling has none
    assert run("Andal, Ampatuan Jr. and others.", andal) == "Andal, Ampatuan Jr. and others."


def test_a_pilgrims_title_joined_to_the_given_name_is_no_compound_given_name() -> None:
    """"Mohammad-Latif" is one given name (another man than Mohammed Khan), but "Hajji"
    joined to a given name is the pilgrim's title: an added word like any other."""
    ablaev = entry("Emirali Ablaev")
    assert run("Emirali-Hajji Ablaev spoke. Emirali Ablaev agreed.", ablaev) == (
        "Emirali Ablaev spoke. Emirali Ablaev agreed.")
    text = "Nader Shah named Mohammad-Latif Khan admiral."
    assert run(text, entry("Mohammed Khan")) == text


def test_the_canonicals_own_first_name_before_a_shorter_spelling_joins_the_mention() -> None:
    """Listed "Fethi Bey" for Ali Fethi Okyar: "Ali Fethi Bey" is Ali Fethi Okyar, never
    "Ali Ali Fethi Okyar"; before another first name it is a longer name, left alone."""
    okyar = entry("Ali Fethi Okyar", "Fethi Bey")
    assert run("He was known as Ali Fethi Bey, and later as Fethi Bey.", okyar) == (
        "He was known as Ali Fethi Okyar, and later as Ali Fethi Okyar.")
    assert run("He met Hasan Fethi Bey.", okyar) == "He met Hasan Fethi Bey."


def test_a_middle_name_the_glossary_spells_in_another_language_is_the_persons_own() -> None:
    """"Mishari" is in no table of given names, but the glossary's French spelling "Bader
    Michari al-Houmaidhi" gives it: the English "Bader Mishari al-Humaidhi" is that name,
    while another middle name makes a longer name the glossary does not know."""
    humaidhi = entry("Bader Al-Humaidhi", "Bader Al Humaidi",
                     fr=("Bader Michari al-Houmaidhi",))
    assert run("Bader Mishari al-Humaidhi resigned.", humaidhi) == (
        "Bader Al-Humaidhi resigned.")
    assert run("Bader Khalifa al-Humaidhi resigned.", entry(
        "Bader Al-Humaidhi", "Bader Al Humaidi", "Bader Michari al-Houmaidhi")) == (
        "Bader Khalifa al-Humaidhi resigned.")
    # a listed longer name cut short is someone else's: his father
    asfura = entry("Nasry Asfura", "Nasry Juan Asfura Zablah")
    text = "Nasry Juan Asfura Zablah is the son of Nasry Juan Asfura."
    assert run(text, asfura) == "Nasry Asfura is the son of Nasry Juan Asfura."


def test_a_name_word_after_a_quoted_nickname_is_the_rest_of_that_name() -> None:
    """'Zaldy "Puti" Ampatuan' is not a short form of Andal Ampatuan Jr., named before."""
    andal = entry("Andal Ampatuan Jr.", 'Andal "Unsay" Ampatuan Jr.')
    text = 'Andal "Unsay" Ampatuan Jr. led them. Zaldy "Puti" Ampatuan was elsewhere.'
    assert run(text, andal) == (
        'Andal Ampatuan Jr. led them. Zaldy "Puti" Ampatuan was elsewhere.')


def test_a_possessive_in_a_name_is_one_name_on_either_side_of_the_s() -> None:
    """"Lions’ Den", "Lion's Den" and "Lions Den" name one group: the apostrophe's place
    before or after the "s" is a spelling difference."""
    den = entry("Lions’ Den", type="org")
    for written in ("Lion's Den", "Lion’s Den", "Lions' Den", "Lions Den"):
        assert run(f"Fighters of the {written} clashed.", den) == (
            "Fighters of the Lions’ Den clashed.")
    assert run("The lion's share went to Den.", den) == "The lion's share went to Den."


def test_a_leading_ayn_is_part_of_a_listed_spelling_unless_it_opens_a_quote() -> None:
    den = entry("Lions’ Den", "‘Arīn al-Usūd", type="org")
    assert run("A site wrote ‘Arīn al-Usūd.", den) == "A site wrote Lions’ Den."
    assert run("A site wrote ‘Arīn al-Usūd’ then.", den) == "A site wrote ‘Lions’ Den’ then."


def test_french_elision_is_no_leading_ayn() -> None:
    bazzaz = entry("Abdul Rahman al-Bazzaz", "ʿAbd al-Raḥmān al-Bazzāz")
    assert run("Le cabinet d'Abd al-Rahman al-Bazzaz tombe.", bazzaz, lang="fr") == \
        "Le cabinet d'Abdul Rahman al-Bazzaz tombe."


def test_a_modifier_letter_for_ayn_separates_words_and_starts_the_name() -> None:
    behbahani = entry("Abdollah Behbahani")
    text = "Abdollah Behbahani was killed. An entry on ʿAbdallāh Behbahānī traces his family."
    assert run(text, behbahani) == (
        "Abdollah Behbahani was killed. An entry on Abdollah Behbahani traces his family.")
    aflaq = entry("Michel Aflaq")  # inside a name, as an apostrophe would be
    assert run("A portrait of Michel ʿAflaq hung there.", aflaq) == (
        "A portrait of Michel Aflaq hung there.")


def test_frequent_words_of_a_title_case_headline_are_not_another_name() -> None:
    """"Where Is Izzat al-Duri?": "Is" is capitalized as a title's word, not as a name part;
    a given name before the mention still makes it someone else's longer name."""
    douri = entry("Izzat Ibrahim al-Douri")
    assert run("An essay, Where Is Izzat al-Duri?, appeared.", douri) == (
        "An essay, Where Is Izzat Ibrahim al-Douri?, appeared.")
    assert run("An essay on Hassan Izzat al-Duri appeared.", douri) == (
        "An essay on Hassan Izzat al-Duri appeared.")


def test_one_word_in_capitals_is_an_acronym_not_a_romanization() -> None:
    sanaa = entry("Sanaa", "Sana'a", type="place")
    assert run("The state agency SANA said Sana'a was calm.", sanaa) == (
        "The state agency SANA said Sanaa was calm.")


def test_a_family_name_with_a_particle_is_one_short_form() -> None:
    """"Kyelem de Tambela" is the family name of Apollinaire Joachim Kyelem de Tambela: its
    first word alone is completed, never written again before the rest of it; "Joachim" (a
    given name, his father's) is nobody's short form."""
    kyelem = entry("Apollinaire Joachim Kyelem de Tambela")
    text = ("Apollinaire Joachim Kyélem de Tambèla est nommé. Fils de Joachim, "
            "Kyélem de Tambèla a parlé. Kyélem a conclu.")
    once = run(text, kyelem, lang="fr")
    assert once == ("Apollinaire Joachim Kyelem de Tambela est nommé. Fils de Joachim, "
                    "Kyelem de Tambela a parlé. Kyelem de Tambela a conclu.")
    assert run(once, kyelem, lang="fr") == once
    gaulle = entry("Charles de Gaulle")
    assert run("Charles de Gaulle spoke; de Gaulle left.", gaulle) == (
        "Charles de Gaulle spoke; de Gaulle left.")


def test_a_one_word_name_inside_another_name_is_left_alone() -> None:
    """"Shabab Al-Ahli" is another club than Al Ahly, "Marrakesh-Safi" a region; "Irak-Iran"
    names both countries and "Al-Qods-Est" is East Jerusalem, with Al-Quds in it."""
    ahly = entry("Al Ahly", type="org")
    assert run("He left for Shabab Al-Ahli in May.", ahly) == "He left for Shabab Al-Ahli in May."
    assert run("Cairo's Al-Ahli won.", ahly) == "Cairo's Al Ahly won."
    marrakech = entry("Marrakech", "Marrakesh", type="place")
    assert run("In the Marrakesh-Safi region and in Marrakesh.", marrakech) == (
        "In the Marrakesh-Safi region and in Marrakech.")
    iraq, iran = entry("Iraq", "Irak", type="place"), entry("Iran", type="place")
    assert run("La guerre Irak-Iran.", iraq, iran, lang="fr") == "La guerre Iraq-Iran."
    quds = entry("Al-Quds", "Al-Qods", type="place")
    assert run("La capitale Al-Qods-Est.", quds, lang="fr") == "La capitale Al-Quds-Est."
    # through a Persian ezafe: "Jombesh-e Nawin" is a party that split from Jombesh
    junbish = entry("Junbish-i Milli", "Jombesh", type="org")
    assert run("Members of Jombesh founded Jombesh-e Nawin-e Afghanistan.", junbish) == (
        "Members of Junbish-i Milli founded Jombesh-e Nawin-e Afghanistan.")


def test_a_family_name_after_an_article_led_title_word_is_someone_elses() -> None:
    """A title never takes an article: "el-Mullah" in "Wafa el-Mullah al-Howeish" is a
    name part, so her family name is no short form of Abdul Tawab Howeish."""
    howeish = entry("Abdul Tawab el-Mulla Howeish", "Howeish")
    text = "Abdul Tawab el-Mulla Howeish was held. The name recalls Wafa el-Mullah al-Howeish."
    assert run(text, howeish) == text


def test_a_family_name_right_after_a_relation_of_the_person_is_the_relatives() -> None:
    """One is not one's own father: "X, son of Grand Ayatollah al-Khoei" names the father,
    and from there the bare family name is ambiguous."""
    khoei = entry("Abdul Majid al-Khoei")
    for text, lang in (("Abdul Majid al-Khoei, son of the late Grand Ayatollah al-Khoei, was"
                        " killed. Al-Khoei had returned from London.", "en"),
                       ("Abdul Majid al-Khoei, fils du grand ayatollah al-Khoï, a été tué.",
                        "fr")):
        assert run(text, khoei, lang=lang) == text
    alone = "Abdul Majid al-Khoei was killed in Najaf. Al-Khoï had returned from London."
    assert run(alone, khoei) == ("Abdul Majid al-Khoei was killed in Najaf. Al-Khoei had"
                                 " returned from London.")


def test_a_short_form_of_all_the_name_but_its_leading_article_is_the_name_in_full() -> None:
    # "Baghdadi" ... "Baghdadi al-Mahmoudi" would be changed again: it is the name in full
    mahmoudi = entry("Al-Baghdadi al-Mahmoudi", "Al Baghdadi Ali al-Mahmoudi")
    once = run("Baghdadi El Mahmoudi est absent. Selon son avocat, Baghdadi a peur.", mahmoudi,
               lang="fr")
    assert once == ("Al-Baghdadi al-Mahmoudi est absent. Selon son avocat, Al-Baghdadi "
                    "al-Mahmoudi a peur.")
    assert run(once, mahmoudi, lang="fr") == once


def test_a_listed_family_name_with_its_article_apart_is_the_family_name() -> None:
    """"El-Neny" listed for Mohamed Elneny is his family name with the article written apart
    (the key reads a joined "El" as the article): it and the short form "Elnenny" are
    written "Elneny" at once, so a second pass has nothing left to change."""
    elneny = entry("Mohamed Elneny", "El-Neny")
    once = run("Mohamed Elneny played. Elnenny scored, then El-Neny.", elneny)
    assert once == "Mohamed Elneny played. Elneny scored, then Elneny."
    assert run(once, elneny) == once


def test_a_regnal_number_may_be_left_out_inside_a_name() -> None:
    sako = entry("Louis Raphaël I Sako")
    assert run("Louis Raphael Sako left Baghdad.", sako) == "Louis Raphaël I Sako left Baghdad."
    # never at the end: "Mohammed" is not King Mohammed VI, nor Sanusi his grandfather Sanusi I
    assert run("Muhammadu Sanusi spoke.", entry("Muhammadu Sanusi II")) == (
        "Muhammadu Sanusi spoke.")


def test_another_regnal_number_is_another_ruler() -> None:
    """"Jamalul Kiram II" is the father of Jamalul Kiram III, whatever spelling rule joins
    the names; the canonical's own number is the person."""
    kiram = entry("Jamalul Kiram III")
    text = "Jamalul Kiram II died in 1936. Jamaloul Kiram III claimed the throne."
    assert run(text, kiram) == (
        "Jamalul Kiram II died in 1936. Jamalul Kiram III claimed the throne.")


def test_the_persons_own_first_name_before_a_listed_spelling_joins_it() -> None:
    """"Mohamed Tewfik Nessim": the first name a listed spelling leaves out joins it. Another
    of the person's names before it, out of the canonical's order, makes someone else: "Amani
    Abeid Karume" is the son of Abeid Amani Karume, so "Raphael Louis Sako" (the patriarch's
    names reversed) is left as written too, never "Raphael Louis Raphaël I Sako". A title
    before the spelling stays outside."""
    nasim = entry("Muhammad Tawfiq Nasim", "Tewfik Nessim")
    assert run("Mohamed Tewfik Nessim resigned.", nasim) == "Muhammad Tawfiq Nasim resigned."
    karume = entry("Abeid Amani Karume", "Abeid Karume")
    text = "Amani Abeid Karume led Zanzibar from 2000, as his father had."
    assert run(text, karume) == text
    sako = entry("Louis Raphaël I Sako", "Louis Sako")
    assert run("An agency wrote Raphael Louis Sako.", sako) == (
        "An agency wrote Raphael Louis Sako.")
    assert run("Cardinal Louis Sako spoke.", sako) == "Cardinal Louis Raphaël I Sako spoke."


def test_a_family_name_led_by_abu_and_an_article_is_one_short_form() -> None:
    khair = entry("Waleed Abu al-Khair")
    text = "Waleed Abu al-Khair was jailed. Abu Al-Khair is held; Abul-Khair's health worsened."
    assert run(text, khair) == ("Waleed Abu al-Khair was jailed. Abu al-Khair is held; "
                                "Abu al-Khair's health worsened.")
    # never before the full name, and never another man's "Abu al-Khair"
    assert run("Abu Al-Khair is held.", khair) == "Abu Al-Khair is held."


def test_an_ampersand_is_the_languages_and_in_an_organisations_name() -> None:
    ivd = entry("Instance vérité et dignité", type="org", fr=("Instance Vérité & Dignité",))
    text = "L'Instance Vérité & Dignité et l'Instance Vérité et Dignité."
    assert run(text, ivd, lang="fr") == (
        "L'Instance vérité et dignité et l'Instance vérité et dignité.")
    pg = entry("Procter & Gamble", type="org")
    assert run("Procter and Gamble, Procter & Gamble.", pg) == (
        "Procter & Gamble, Procter & Gamble.")
    # a person's name is left alone, and "&" is never a gap inside another spelling
    assert run("Simon & Garfunkel", entry("Paul Simon Garfunkel")) == "Simon & Garfunkel"


# --- a person respelled further on in the same document -----------------------------------
RESPELLED = [
    # (glossary canonical, text, expected)
    ("Canan Kaftancıoğlu", "Canan Kaftancıoğlu spoke first. Later Kaftancigolu said no.",
     "Canan Kaftancıoğlu spoke first. Later Kaftancıoğlu said no."),
    ("Hani al-Mulki", "Hani al-Mulki resigned. Critics of Hani al-Malki cheered.",
     "Hani al-Mulki resigned. Critics of Hani al-Mulki cheered."),
    ("Timan Erdimi", "Timan Erdimi leads the UFR. Tirman Erdimi denied it.",
     "Timan Erdimi leads the UFR. Timan Erdimi denied it."),
    ("Othman Mujalli", "Othman Mujalli spoke. Othman Saleh Mojli added more.",
     "Othman Mujalli spoke. Othman Mujalli added more."),  # a father's name added too
    ("Hassan Dahir Aweys", "Hassan Dahir Aweys was freed. Hassan Aweys left.",
     "Hassan Dahir Aweys was freed. Hassan Dahir Aweys left."),
    # a name of two words or more, before the full mention too
    ("Hesham Geneina", "Hesham Genena was tried. Hesham Geneina had led the agency.",
     "Hesham Geneina was tried. Hesham Geneina had led the agency."),
]


@pytest.mark.parametrize(("canonical", "text", "expected"), RESPELLED)
def test_a_person_named_in_full_and_respelled_later_is_written_as_the_canonical(
        canonical: str, text: str, expected: str) -> None:
    assert run(text, entry(canonical)) == expected


KEPT_APART = [
    # someone else who looks alike stays as written
    ("Ahmad Massoud", "Ahmad Massoud spoke in Kabul. His father Ahmad Shah Massoud died in 2001."),
    ("Hamad bin Jassim Al Thani",
     "Hamad bin Jassim Al Thani arrived. Hamad bin Khalifa al-Thani, the emir, did not."),
    ("Fuad Hussein", "Fuad Hussein met Fuad Hassan, then Fuad Husseini."),
    ("Ibrahim Qubaisi", "Ibrahim Qubaisi was killed in Ghobeiry on Tuesday."),
    ("Samir Rabah", "Samir Rabah spoke of the aggression on Rafah."),
    ("Adam Cardoso", "Adam Cardoso, a Kurdish lawmaker, spoke."),
    ("Hani al-Mulki", "Hani al-Mulki met Riyad al-Malki. Later Malki said nothing."),
    # a word alone never before the full mention, and nothing without one
    ("Canan Kaftancıoğlu", "Kaftancigolu spoke first. Then Canan Kaftancıoğlu said no."),
    ("Hesham Geneina", "Hesham Genena was tried in 2016."),
]


@pytest.mark.parametrize(("canonical", "text"), KEPT_APART)
def test_a_look_alike_of_a_person_named_in_the_document_stays(canonical: str,
                                                                text: str) -> None:
    out = run(text, entry(canonical))
    assert out.replace(canonical, "") == text.replace(canonical, "")


def test_a_one_word_family_name_written_as_two_is_a_short_form() -> None:
    banisadr = entry("Abolhassan Banisadr")
    assert run("Abolhassan Banisadr fled. Bani-Sadr said it, and Bani Sadr left.",
               banisadr) == "Abolhassan Banisadr fled. Banisadr said it, and Banisadr left."
    # not before a full mention, nor when the second word is a given name
    assert run("Bani-Sadr fled.", banisadr) == "Bani-Sadr fled."
    text = "Karim Benali spoke. Ben Ali ruled Tunisia."
    assert run(text, entry("Karim Benali")) == text


def test_a_listed_family_name_with_the_ayn_elsewhere_is_a_short_form() -> None:
    """"Al Maa’mari" ends "Talib al-Ma’amari" (the apostrophe writes the ayn, wherever it
    sits): a family name, so after another given name it is a brother's."""
    mamari = entry("Talib al-Ma’amari", "Al Maa’mari")
    text = "Talib al-Ma’amari was jailed. His brother Murad Al Maa’mari spoke."
    assert run(text, mamari) == text
    assert run("Talib al-Ma’amari was jailed. Later Al Maa’mari was freed.", mamari) == (
        "Talib al-Ma’amari was jailed. Later al-Ma’amari was freed.")


IN_CONTEXT = [
    # (glossary entry, text, expected): a name read with the words around it
    # initials for each given name, in order, and the family name: the person in full
    (entry("Amir Abdullah Khan Niazi"),
     "A.A.K. Niazi had vowed to fight. AAK Niazi surrendered on 16 December.",
     "Amir Abdullah Khan Niazi had vowed to fight. Amir Abdullah Khan Niazi surrendered on"
     " 16 December."),
    # ... never after another name, nor with other initials
    (entry("Hussain Muhammad Ershad"),
     "His wife, Raushan H. M. Ershad, spoke. The UN Ershad office closed.",
     "His wife, Raushan H. M. Ershad, spoke. The UN Ershad office closed."),
    # a listed spelling with its initials written together
    (entry("Amir Abdullah Khan Niazi", "A. A. K. Niazi"), "Later A.A.K. Niazi left.",
     "Later Amir Abdullah Khan Niazi left."),
    # "Hasan" is not "Huseyn", though both are h-s-n: the brother, someone else
    (entry("Huseyn Shaheed Suhrawardy", "Shahid Suhrawardy"),
     "Huseyn Shaheed Suhrawardy died in 1963. His brother Hasan Shahid Suhrawardy wrote poems.",
     "Huseyn Shaheed Suhrawardy died in 1963. His brother Hasan Shahid Suhrawardy wrote poems."),
    # a listed spelling led by a middle given name is the name in full
    (entry("Huseyn Shaheed Suhrawardy", "Shahid Suhrawardy"),
     "The Maulana later fell out with Shahid Suhrawardy over the pacts.",
     "The Maulana later fell out with Huseyn Shaheed Suhrawardy over the pacts."),
    # a title in a listed spelling's family-name place is no short form: "the Shah"
    (entry("Mohammad Reza Pahlavi", "Mohammad Reza Shah"),
     "Mohammad Reza Shah left Tehran in January 1979. The Shah never returned.",
     "Mohammad Reza Pahlavi left Tehran in January 1979. The Shah never returned."),
    # a place named after a person spells the name its own way
    (entry("Hassiba Ben Bouali", "Hassiba Benbouali"),
     "Hassiba Benbouali died in 1957. The Hassiba Benbouali University carries her name.",
     "Hassiba Ben Bouali died in 1957. The Hassiba Benbouali University carries her name."),
    # a middle name that is not the glossary's own makes someone else (the novelist) ...
    (entry("Mohamed Hassanein Heikal", "Mohamed Heikal"),
     "Mohamed Heikal edited Al-Ahram. He is not the novelist Mohamed Hussein Heikal.",
     "Mohamed Hassanein Heikal edited Al-Ahram. He is not the novelist Mohamed Hussein Heikal."),
    # ... while one more name next to its own is the person's longer name
    (entry("Ahmed al-Rahawi", "Ahmad Ghaleb al-Rahwi"),
     "Ahmed al-Rahawi was killed. His full name was Ahmed Ghaleb Nasser al-Rahawi.",
     "Ahmed al-Rahawi was killed. His full name was Ahmed al-Rahawi."),
    # "Abdel Basset" is one name, so the glossary spells no longer name than two
    (entry("Abdelbaset al-Megrahi", "Abdel Basset al-Megrahi"),
     "Abdelbaset al-Megrahi was freed. His full name is Abdelbaset Ali Mohmed Al Megrahi.",
     "Abdelbaset al-Megrahi was freed. His full name is Abdelbaset al-Megrahi."),
    # ... unless the glossary names the person with the title
    (entry("Cemal Pasha", "Ahmed Djemal"),
     "Le ministre de la Marine Ahmed Djemal Pacha dominait le gouvernement.",
     "Le ministre de la Marine Cemal Pasha dominait le gouvernement."),
    # one name and its title after another given name: someone else
    (entry("Cemal Pasha", "Djemal Pacha"),
     "Cemal Pasha left. Mehmed Djemal Pacha commanded the Fourth Army.",
     "Cemal Pasha left. Mehmed Djemal Pacha commanded the Fourth Army."),
    # a title after the name ends it, in the full name and the short form
    (entry("Mahmoud El Nokrashy", "Mahmoud Fahmy El Nokrashy"),
     "The papers wrote Mahmoud Fahmy El Nokrashy Pasha. El-Nokrashy Pasha was shot.",
     "The papers wrote Mahmoud El Nokrashy Pasha. El Nokrashy Pasha was shot."),
    # a middle name no table knows, where the glossary lists the person with an initial only
    (entry("Bashar Warda", "Bashar M. Warda"),
     "Bashar Warda spoke. Years earlier, Bashar Matti Warda had stayed in Baghdad.",
     "Bashar Warda spoke. Years earlier, Bashar Warda had stayed in Baghdad."),
    # "Aït" (sons of) leads the family name: "Aït Ahmed" is one short form, "Ahmed" nobody's
    (entry("Hocine Aït Ahmed"), "Hocine Ait-Ahmed died. Ait-Ahmed had escaped. Ahmed left.",
     "Hocine Aït Ahmed died. Aït Ahmed had escaped. Ahmed left."),
    # the word after "bin" is a father's name, no short form
    (entry("Talib al-Ma’amari"), "Talib Al Mamari was jailed. Talib bin Mamari lost his seat.",
     "Talib al-Ma’amari was jailed. Talib bin Mamari lost his seat."),
    # a title inside a name goes on with it: "Abdiweli Sheikh Ahmed" is another prime minister
    (entry("Abdiweli Mohamed Ali", "Abdi Weli"), "He replaced Abdiweli Sheikh Ahmed, who lost.",
     "He replaced Abdiweli Sheikh Ahmed, who lost."),
    (entry("Abdiweli Mohamed Ali", "Abdi Weli"), "Abdiweli met Sheikh Sharif.",
     "Abdiweli Mohamed Ali met Sheikh Sharif."),
    # the word a replacement ends with is never written twice
    (entry("Pearl Roundabout", "Pearl Square", type="place"),
     "Protesters held Pearl Square Roundabout. Pearl Square was cleared.",
     "Protesters held Pearl Roundabout. Pearl Roundabout was cleared."),
    # an organisation's name takes the article joined to it, never "Al-Islamic Virtue Party"
    (entry("Islamic Virtue Party", "Fadhila Party", type="org"),
     "The Al-Fadhila Party quit the alliance.", "The Islamic Virtue Party quit the alliance."),
    # a given name before a person's full name makes a son's name, unless it is a title
    (entry("Abdullah Ayedh al-Razami", "Abdullah Ayedh Al-Razami"),
     "Abdullah Ayedh Al-Razami spoke; his son Yahya Abdullah Ayedh Al-Razami did not.",
     "Abdullah Ayedh al-Razami spoke; his son Yahya Abdullah Ayedh Al-Razami did not."),
    (entry("Haitham bin Tarik", "Haitham bin Tariq"), "Sultan Haitham bin Tariq left.",
     "Sultan Haitham bin Tarik left."),
    # a family name "Abdul X" written as one word or apart, never another "Abdul" name
    (entry("Jaafar Abdelhakam"), "Governor Jaafar Abdul Hakam spoke.",
     "Governor Jaafar Abdelhakam spoke."),
    (entry("Jaafar Abdelhakam"), "Governor Jaafar Abdul Hakim spoke.",
     "Governor Jaafar Abdul Hakim spoke."),
    # a word of organisations' names is no middle name: the unit named after him
    (entry("Abu Ali Mustafa"), "Abu Ali Mustafa died. The Abu Ali Mustafa Brigades fought on.",
     "Abu Ali Mustafa died. The Abu Ali Mustafa Brigades fought on."),
    # a middle name before a family name written with the ayn's apostrophe: all of the word
    (entry("Munadel Infai’at"), "Munadel Infai’at spoke. Munadel Yacoub Infai’at was killed.",
     "Munadel Infai’at spoke. Munadel Infai’at was killed."),
    # a listed family name after another given name is a relative's ("Abu Eisa" = Abu Issa)
    (entry("Farouk Abu Issa", "Abu Eisa"),
     "Farouk Abu Issa was jailed. His daughter, Nahla Abu Eisa, spoke.",
     "Farouk Abu Issa was jailed. His daughter, Nahla Abu Eisa, spoke."),
    # a short form takes the article a sun letter joins to it
    (entry("Mashaal Tammo"), "Mashaal Tammo spoke. Later at-Tammu left.",
     "Mashaal Tammo spoke. Later Tammo left."),
]


@pytest.mark.parametrize(("glossary", "text", "expected"), IN_CONTEXT)
def test_a_name_is_read_with_the_words_around_it(glossary: Entry, text: str,
                                                 expected: str) -> None:
    assert run(text, glossary) == expected


def test_a_relative_named_as_one_is_not_a_respelling() -> None:
    khalkhali = entry("Sadeq Khalkhali", "Mohammed Sadeq Givi Khalkhali")
    text = "Sadeq Khalkhali died. His son, Mohammad Givi-Khalkhali, spoke."
    assert run(text, khalkhali) == text
    # nor a name without the given name the canonical starts with, however introduced
    text = "Sadeq Khalkhali died. Then Mohammad Givi-Khalkhali spoke."
    assert run(text, khalkhali) == text


def test_a_respelling_is_recorded_with_its_rule_and_never_carried_to_another_document() -> None:
    c = Canonicalizer(Glossary.build([entry("Canan Kaftancıoğlu")]), known_aliases=False)
    out, changes = c.canonicalize("Canan Kaftancıoğlu spoke. Kaftancigolu left.", "en")
    assert [(ch.original, ch.rule) for ch in changes] == [("Kaftancigolu", "document")]
    assert c.canonicalize(out, "en")[1] == []
    assert c.canonicalize("Kaftancigolu left.", "en")[1] == []


@pytest.mark.parametrize(("canonical", "listed", "text"), [
    ("Fereydoun Abbasi", "Fereydoon Abbasi", "Fereydoon Abbasi Davani, who fought in the war."),
    ("Fereydoun Abbasi", "Fereydoon Abbasi", "Fereydoon Abbasi-Davani, who fought in the war."),
    ("Turki Al-Faisal", "Turki bin Faisal", "He met Turki bin Faisal Al Saud in London."),
    ("Lois Duncan", "Lois Duncan", "Then Louis Duncan Ford told reporters in Paris."),
    # a one-word spelling too: a given name of someone else here
    ("Lokman Slim", "Salim", "A court convicted Salim Ayyash over the bombing."),
])
def test_a_persons_name_that_goes_on_with_another_name_is_left_alone(
        canonical: str, listed: str, text: str) -> None:
    assert run(text, entry(canonical, listed)) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("He said Fereydoon Abbasi Monday.", "He said Fereydoun Abbasi Monday."),  # an ordinary word
    ("Fereydoon Abbasi Meets Grossi In Vienna", "Fereydoun Abbasi Meets Grossi In Vienna"),
    ("FEREYDOON ABBASI SPEAKS", "Fereydoun Abbasi SPEAKS"),
])
def test_what_follows_a_name_in_a_headline_or_an_ordinary_word_is_not_more_name(
        text: str, expected: str) -> None:
    assert run(text, entry("Fereydoun Abbasi", "Fereydoon Abbasi")) == expected


def test_a_one_word_spelling_before_an_ordinary_word_is_still_the_person() -> None:
    assert run("Friends of Salim Monday said", entry("Lokman Slim", "Salim")) \
        == "Friends of Lokman Slim Monday said"


def test_the_canonical_without_its_first_name_after_another_name_is_someone_else() -> None:
    akef = entry("Mohammed Mahdi Akef", "Mehdi Akef")
    text = "Mohammed Mahdi Akef died. His daughter Alia Mehdi Akef announced it."
    assert run(text, akef) == text
    assert run("Mehdi Akef led the group.", akef) == "Mohammed Mahdi Akef led the group."


def test_a_generated_compound_family_name_after_another_given_name_is_someone_else() -> None:
    bahaa = entry("Ziad Bahaa El-Din", "Bahaa Eddin")
    text = "Ziad Bahaa El-Din resigned. His father, the writer Ahmed Bahaa El-Din, wrote."
    assert run(text, bahaa) == text


def test_a_listed_spelling_without_the_canonicals_leading_article_is_the_name_in_full() -> None:
    talha = entry("Al-Misbah Abuzaid Talha", "Misbah Abu Zeid Talha")
    assert run("After the battle, Misbah Abu Zeid Talha was filmed.", talha) == \
        "After the battle, Al-Misbah Abuzaid Talha was filmed."


def test_abu_and_its_article_joined_to_the_name_after_it() -> None:
    naga = entry("Fayza Abul Naga")
    assert run("Fayza Abouelnaga was appointed. Aboulnaga said yes.", naga) == \
        "Fayza Abul Naga was appointed. Abul Naga said yes."


@pytest.mark.parametrize("text", [
    "Fuad Hussain Amir-Abdollahian ",  # found by hypothesis: two mentions grew into each other
    "Fuad Hussain Amirabdollahian Hossein Amir-Abdollahian ",
])
def test_mentions_never_overlap_even_when_one_grows_into_the_other(text: str) -> None:
    glossary = Glossary.build([entry("Fuad Hussein", "Fuad Hussain"),
                               entry("Hossein Amir-Abdollahian", "Amir-Abdollahian",
                                     "Hussain Amir-Abdollahian")])
    out, changes = Canonicalizer(glossary, known_aliases=False).canonicalize(text, "en")
    rebuilt, cursor = [], 0
    for ch in changes:
        assert cursor <= ch.start
        rebuilt += [text[cursor:ch.start], ch.canonical]
        cursor = ch.end
    assert "".join(rebuilt) + text[cursor:] == out
    assert out.startswith("Fuad Hussein ")


def test_a_given_name_with_an_article_after_another_name_is_a_fathers_name() -> None:
    ahmad = entry("Ahmad al-Fahad al-Sabah", "Ahmad al-Sabah")
    text = "Crown Prince Meshal al-Ahmad al-Sabah received the cabinet."
    assert run(text, ahmad) == text
    assert run("Sheikh Ahmad al-Sabah resigned.", ahmad) == \
        "Sheikh Ahmad al-Fahad al-Sabah resigned."


def test_a_one_word_spelling_with_its_article_after_bint_is_a_fathers_name() -> None:
    waleed = entry("Alwaleed bin Talal", "Al-Waleed")
    text = "Alwaleed bin Talal was freed. His daughter Reem bint Al-Waleed posted a picture."
    assert run(text, waleed) == text


def test_a_middle_name_no_table_knows_only_where_the_document_names_the_person() -> None:
    bahah = entry("Khaled Bahah")
    text = "Khaled Bahah resigned. Khalid Mahfouad Bahah had led the cabinet since 2014."
    assert run(text, bahah) == ("Khaled Bahah resigned. Khaled Bahah had led the cabinet"
                                " since 2014.")
    alone = "Khalid Mahfouad Bahah had led the cabinet since 2014."  # maybe someone else
    assert run(alone, bahah) == alone


def test_one_more_name_no_table_knows_only_where_the_document_names_the_person() -> None:
    rezaei = entry("Mohsen Rezaei", "Mohsen Rezaie")
    # the person's longer name: the spelling is written as the canonical, the word after it
    # is the text's own and stays
    text = "Mohsen Rezaei resigned. Mohsen Rezaie Mirghaed had run in 2009."
    assert run(text, rezaei) == "Mohsen Rezaei resigned. Mohsen Rezaei Mirghaed had run in 2009."
    mbz = entry("Mohamed bin Zayed", "Mohammed ben Zayed")
    text = ("Mohamed bin Zayed was elected. Mohammed ben Zayed Al Nahyan founded the Mohamed "
            "bin Zayed Falconry and Desert Physiognomy School.")
    assert run(text, mbz) == text.replace("Mohammed ben Zayed", "Mohamed bin Zayed")
    alone = "Mohsen Rezaie Mirghaed had run in 2009."  # maybe someone else
    assert run(alone, rezaei) == alone
    two = "Mohsen Rezaei resigned. Mohsen Rezaie Mirghaed Kazem had run."  # a longer name
    assert run(two, rezaei) == two
    # another name word before it too: the middle of a longer name, never half rewritten
    both = "Mohsen Rezaei resigned. The full name, Al-Sabi Mohsen Rezaie Mirghaed, is long."
    assert run(both, rezaei) == both


@pytest.mark.parametrize("text, glossary", [
    # the second half of a compound given name: the father, not the son
    ("Ahmad Massoud spoke. His father Ahmad Shah Massoud was killed in 2001.",
     entry("Ahmad Massoud")),
    # the glossary spells his middle name: another one is someone else's
    ("Mohammed Al Amoudi owns the refinery; Mohammed Aboud al-Amoudi does not.",
     entry("Mohammed Al Amoudi", "Mohammed Hussein Al Amoudi")),
    # an organisation's name with a word more is another organisation
    ("The Fajr Film Festival opened. The Fajr Film Roshd Festival did not.",
     entry("Fajr Film Festival", type="event")),
])
def test_a_middle_name_no_table_knows_never_makes_someone_else(text: str,
                                                              glossary: Entry) -> None:
    assert run(text, glossary) == text


def test_a_common_noun_before_a_listed_name_stays_the_texts() -> None:
    """"parti Jatiyo", where "Jatiyo" is listed: the name is "Jatiyo" and "parti" stays,
    as a title before a person's name does; a second run is a no-op all the same."""
    jatiya = entry("Jatiya Party", type="org", fr=("Jatiyo",))
    text = "Chef du parti Jatiyo, Ershad était chef de l'opposition."
    out = run(text, jatiya, lang="fr")
    assert out == "Chef du parti Jatiya Party, Ershad était chef de l'opposition."
    assert run(out, jatiya, lang="fr") == out


def test_a_replacement_inside_a_translated_name_is_read_again() -> None:
    """"parti Fadhila" for the Fadhila Party, the glossary without "Fadhila" alone: the
    French name of the party, all of it replaced; a second run is a no-op."""
    fadhila = entry("Islamic Virtue Party", "Fadhila Party", type="org",
                    fr=("Parti de la vertu islamique",))
    text = "Le parti Fadhila quitte l'alliance."
    out = run(text, fadhila, lang="fr")
    assert out == "Le Islamic Virtue Party quitte l'alliance."
    assert run(out, fadhila, lang="fr") == out


@pytest.mark.parametrize(("entries", "text", "lang"), [
    # "Muhammad ibn Rushd": a son of Rushd (the grandfather), not Ibn Rushd
    ((entry("Ibn Rushd"),),
     "His grandfather, Abu al-Walid Muhammad ibn Rushd, was a judge in Cordoba.", "en"),
    # places and bodies named after a person, in French before the name
    ((entry("Ibn Battuta", "Ibn Battouta"),),
     "Les passagers de l'aéroport Tanger-Ibn Battouta découvrent son nom.", "fr"),
    ((entry("Avicenna", fr=("Avicenne",)), entry("Ibn Rushd", fr=("Averroès",))),
     "À l'hôpital Avicenne de Bobigny, puis au lycée Averroès de Lille.", "fr"),
    # a park or a palace named after a person is that one's, in English and in French
    ((entry("Amin al-Soltan", "Atabak"),),
     "Sattar was wounded in 1910 at Atabak Park when troops disarmed his men.", "en"),
    ((entry("Amin al-Soltan", "Atabak"),), "Il fut blessé au parc Atabak en 1910.", "fr"),
    # ... in lower case after "the" ("the Fatih district")
    ((entry("Mehmed II", "Fatih"),),
     "Visitors to the Fatih district of Istanbul see the walls.", "en"),
    # ... and so is a place named with one more word between ("Cultural Center")
    ((entry("Ahmed Urabi", "Orabi Pasha"),),
     "His house in Kandy is now the Orabi Pasha Cultural Center.", "en"),
    # a region after a French article is no respelling of the scholar named for it
    ((entry("al-Khwarizmi", "Al-Khawarizmi", fr=("Al-Khwârizmî",)),),
     "Le père de l'algèbre\nUne conférence a retracé le parcours d'al-Khwarizmi, né vers 780"
     " dans le Khwarezm. Le quotidien écrit al-Khwarizmi.", "fr"),
])
def test_a_name_inside_another_name_or_a_place_is_left_alone(
        entries: tuple[Entry, ...], text: str, lang: str) -> None:
    assert run(text, *entries, lang=lang) == text


def test_a_family_name_after_a_french_article_only_as_the_person_writes_it() -> None:
    fallou = entry("Fallou Mbacke", "Fallou Macke")
    text = "On photographie Fallou Mbacké en 1940. Il avait fait le pèlerinage à La Mecque."
    assert run(text, fallou, lang="fr").endswith("le pèlerinage à La Mecque.")
    sahrawi = entry("Adnan Abu Walid al-Sahrawi")  # an epithet, as the document writes it
    text = "Adnan Abou Walid Al-Sahraoui dirige le groupe, que la presse appelle le Sahraoui."
    assert run(text, sahrawi, lang="fr").endswith("la presse appelle le Sahrawi.")


def test_one_more_name_is_no_longer_name_of_one_introduced_by_a_parent() -> None:
    saliou = entry("Saliou Mbacke")
    text = ("On annonce la mort de Saliou Mbacké Ndiouroul, fils de Serigne Abdou Lahad. "
            "Il vivait dans les champs ouverts par Serigne Saliou Mbacké.")
    out = run(text, saliou, lang="fr")
    assert "Saliou Mbacké Ndiouroul, fils de" in out and out.endswith("Saliou Mbacke.")


def test_a_relative_of_another_person_named_between_is_the_glossary_person() -> None:
    yusufian = entry("Boghos Bey Yusufian", "Boghos Bey Yusufyan")
    nubar = entry("Nubar Pasha")
    text = ("Boghos Bey Yusufian advised the pasha. When young Nubar arrived in Egypt, his "
            "uncle Boghos Bey Yusufyan took him to the palace.")
    assert run(text, yusufian, nubar).endswith("his uncle Boghos Bey Yusufian took him to "
                                               "the palace.")
    mosharafa = entry("Ali Moustafa Mosharafa")  # the one named just before: his relative
    text = ("Ali Moustafa Mosharafa taught in Cairo. Mosharafa was killed, a blog claims. His "
            "father, Moustafa Mosharafa, was a scholar.")
    assert run(text, mosharafa).endswith("His father, Moustafa Mosharafa, was a scholar.")


def test_a_country_adjective_before_an_organisation_is_no_longer_name() -> None:
    tijaniyya = entry("Tijaniyyah", "Tijjaniyya", type="org")
    assert run("A Nigerian Tijjaniyya leader married in Kaolack.", tijaniyya) == (
        "A Nigerian Tijaniyyah leader married in Kaolack.")
    text = "The Kataib Tijjaniyya marched."  # another capitalized word: another name
    assert run(text, tijaniyya) == text


def test_a_west_african_honorific_before_a_name_is_a_title() -> None:
    limamou = entry("Limamou Laye", "Limamoulaye")
    assert run("L'appel de Seydina Limamoulaye est célébré à Yoff.", limamou, lang="fr") == (
        "L'appel de Seydina Limamou Laye est célébré à Yoff.")


def test_a_name_in_full_family_name_first_names_the_person_for_respellings() -> None:
    """"Barbarossa Hayreddin Pasha" (family name first) names him in full, as the canonical
    it is written as does on a second pass: "Barbaros" after it is read the same both times."""
    e = entry("Hayreddin Barbarossa", "Barbaros Hayreddin Pasha")
    text = ("Turkey's navy marked the 1538 battle in which Barbarossa Hayreddin Pasha routed "
            "the fleet of Andrea Doria. Barbaros, as Turks call him, had been made admiral. "
            "Hayreddin Barbarossa inherited the nickname from his brother.")
    once = run(text, e)
    assert "in which Hayreddin Barbarossa routed" in once
    assert run(once, e) == once


def test_a_ruler_the_first_in_french_and_english() -> None:
    selim = entry("Selim I")
    assert run("Le sultan Selim Ier conquit l'Égypte.", selim, lang="fr") == (
        "Le sultan Selim I conquit l'Égypte.")
    faisal = entry("Faisal I")  # in another romanization too
    assert run("Le roi Fayçal Ier régna à Bagdad.", faisal, lang="fr") == (
        "Le roi Faisal I régna à Bagdad.")
    assert run("Selim II and Selim Ier.", entry("Selim II")) == "Selim II and Selim Ier."


def test_a_respelling_followed_by_a_fathers_name_is_a_longer_name() -> None:
    ruete = entry("Emily Ruete", "Sayyida Salme")
    text = ("Emily Ruete wrote a memoir. Her birth name was Sayyida Salma bint Said, "
            "a daughter of the sultan.")
    assert "Sayyida Salma bint Said" in run(text, ruete)


def test_a_saint_or_a_clergy_title_makes_someone_else() -> None:
    makarios = entry("Makarios", "Macarius")
    text = "The monks rebuilt the monastery of Saint Macarius. Bishop Macarius blessed it."
    assert run(text, makarios) == text.replace("Bishop Macarius", "Bishop Makarios")
    morcos = entry("Samir Morcos", fr=("Marcos",))  # a layman: "l'évêque Marcos" is a bishop
    text = "L'évêque Marcos a enquêté. Le penseur Marcos a parlé."
    assert run(text, morcos, lang="fr") == text.replace("penseur Marcos", "penseur Samir Morcos")
    shenouda = entry("Shenouda III", fr=("Chénouda",))  # a pope named by one name
    assert run("Le pape Chénouda est mort.", shenouda, lang="fr") == (
        "Le pape Shenouda III est mort.")


def test_the_relative_named_after_the_persons_own_name() -> None:
    e = entry("Mounir Fakhry Abdel Nour", "Mounir Fakhri Abdel Nour", "Abdel-Nour")
    text = ("Ils veulent nommer Mounir Fakhri Abdel Nour. Le grand-père d'Abdel Nour, Fakhri "
            "Abdel Nour, était un proche de Zaghloul.")
    assert run(text, e, lang="fr").endswith(
        "Le grand-père d'Abdel Nour, Fakhri Abdel Nour, était un proche de Zaghloul.")
    dashti = entry("Fahim Dashti")  # the relation of someone else: the person himself
    text = ("Fahim Dashti a été tué. Neveu d'Abdullah Abdullah, Dashty avait survécu en 2001.")
    assert run(text, dashti, lang="fr").endswith("Neveu d'Abdullah Abdullah, Dashti avait "
                                                 "survécu en 2001.")


def test_an_ordinary_word_in_lower_case_is_no_first_name() -> None:
    djohar = entry("Said Mohamed Djohar", "Said Djohar")
    text = "Diplomats in Paris said Djohar was being held at an army camp."
    assert run(text, djohar) == text
    laden = entry("Osama bin Laden", fr=("ben Laden",))  # a particle in lower case is one
    assert run("Oussama ben Laden est mort ; le chef ben Laden avait fui.", laden,
               lang="fr") == "Osama bin Laden est mort ; le chef bin Laden avait fui."


def test_one_more_name_only_where_the_person_is_named_in_full_otherwise() -> None:
    hannan = entry("Abdul Hannan")
    text = ("Student organiser Abdul Hannan Masud was named to the committee. He is unrelated "
            "to Mufti Hannan, hanged in 2017.")
    assert run(text, hannan) == text


@pytest.mark.parametrize(("canonical", "text"), [
    # a Turkic patronymic before the word: inside a longer name
    ("Refat Chubarov", "Refat Chubarov spoke. A namesake is Ilmi Abdurahman oğlu Çubarov."),
    # a Persian ezafe joined by a hyphen: the same
    ("Babak Khorramdin", "Babak Khorramdin fought. A portal writes Babak -e- Khoramdin."),
    # a relative named as one: "his grandfather"
    ("Mounir Fakhry Abdel Nour",
     "Mounir Fakhry Abdel Nour spoke. His grandfather Fakhri Abdel Nour knew Zaghloul."),
    # initials the canonical has no name for, after another name: someone else
    ("Golam Kibria Gaus", "Golam Kibria Gaus was charged over the killing of Shah A. M. S. "
     "Kibria."),
])
def test_a_short_form_inside_another_name_or_a_relatives_is_left_alone(
        canonical: str, text: str) -> None:
    out = run(text, entry(canonical))
    assert out[out.index(".") + 1:] == text[text.index(".") + 1:]


def test_a_likeness_to_a_relative_is_no_relative() -> None:
    hodeibi = entry("Mamoun El Hodeiby", "Ma'mun al-Hudaybi")
    text = "Ma'mun al-Hudaybi was a judge. Like his father, Hudaybi trained in law."
    assert run(text, hodeibi).endswith("Like his father, Hodeiby trained in law.")


def test_a_name_never_stops_inside_a_word_that_goes_on_after_an_ayn() -> None:
    e = entry("Maher Al-Muaiqly", "Maher Al Muaiqly")
    text = "Malaise de l'imam Maher Al Mu'aiqily. Maher Al-Muaiqly a interrompu la prière."
    assert run(text, e, lang="fr").startswith("Malaise de l'imam Maher Al Mu'aiqily.")
    assert run("Haniyeh's office spoke.", entry("Ismail Haniyeh", "Haniyeh")) == (
        "Haniyeh's office spoke.")


def test_a_place_followed_by_another_name_word_is_a_longer_name() -> None:
    oued = entry("Bab el-Oued", "Bab El Oued", type="place")
    text = "Allouache made Bab El-Oued City in 1994. He grew up in Bab El Oued."
    assert run(text, oued) == "Allouache made Bab El-Oued City in 1994. He grew up in Bab " \
        "el-Oued."
    haram = entry("Masjid al-Haram", "Masjid-ul-Haram", type="place")  # then a person's name
    assert run("The imam of Masjid-ul-Haram Bandar Balila died.", haram) == (
        "The imam of Masjid al-Haram Bandar Balila died.")
    mandeb = entry("Bab el Mandeb", "Bab-el-Mandeb", type="place")  # the feature it names
    assert run("Ships avoid the Bab-el-Mandeb Strait.", mandeb) == (
        "Ships avoid the Bab el Mandeb Strait.")


def test_a_bodys_one_word_followed_by_another_name_word_is_another_thing() -> None:
    damac = entry("DAMAC Properties", "Damac", type="org")
    text = "Damac opened a golf club at Damac Hills in 2017."
    assert run(text, damac) == "DAMAC Properties opened a golf club at Damac Hills in 2017."
    square = entry("Habboubi Square", "al-Haboubi", type="place")  # an unlisted spelling
    text = "Protesters filled al-Haboubi. The wounded reached al-Habboubi Central Hospital."
    assert run(text, square) == text.replace("al-Haboubi.", "Habboubi Square.")
    hezbollah = entry("Hezbollah", "Hizbullah", type="org")  # a title starts a person's name
    assert run("Hizbullah Secretary-General Naim Qassem spoke.", hezbollah) == (
        "Hezbollah Secretary-General Naim Qassem spoke.")


def test_a_place_named_for_its_kind_is_not_the_other_kind_that_shares_its_name() -> None:
    stadium = entry("Al Thumama Stadium", "Al-Thumama", type="place")
    text = "Iran played at Al-Thumama. The venue is named after the Al-Thumama district."
    assert run(text, stadium) == (
        "Iran played at Al Thumama Stadium. The venue is named after the Al-Thumama district.")
    brigade = entry("Al-Baraa Bin Malik Brigade", "Al-Baraa Bin Malik", type="org")
    text = "The Al-Baraa Bin Malik battalion fought near Khartoum."
    assert run(text, brigade) == text


def test_a_countrys_possessive_after_a_name_does_not_make_it_longer() -> None:
    qado = entry("Waad Qado", "Abu Jaafar al-Shabaki")
    text = "Analysts called Abu Jaafar al-Shabaki Iran's man in Nineveh."
    assert run(text, qado) == "Analysts called Waad Qado Iran's man in Nineveh."


def test_another_countrys_body_is_not_the_glossarys() -> None:
    syndicate = entry("Sudanese Journalists Syndicate", "Journalists' Syndicate", type="org")
    text = "Egypt has the Egyptian Journalists' Syndicate. The Journalists' Syndicate spoke."
    assert run(text, syndicate) == (
        "Egypt has the Egyptian Journalists' Syndicate. The Sudanese Journalists Syndicate "
        "spoke.")
    assert run("The Sudanese Journalists' Syndicate spoke.", syndicate) == (
        "The Sudanese Journalists Syndicate spoke.")
    # the country named after the body's name: "of Egypt", French "égyptien"
    after = entry("Sudanese Journalists Syndicate", "Journalists Syndicate", type="org")
    text = "The Journalists Syndicate of Egypt protested."
    assert run(text, after) == text
    french = "Le Journalists Syndicate égyptien a protesté."
    assert run(french, after, lang="fr") == french
    assert run("The Journalists Syndicate spoke.", after) == (
        "The Sudanese Journalists Syndicate spoke.")


def test_a_french_name_goes_on_with_a_participle() -> None:
    """"... du golfe Arabique occupé": the participle after the noun is part of the name, so
    the words before it are not the name without it."""
    pfloag = entry("Popular Front for the Liberation of the Occupied Arabian Gulf",
                   "Popular Front for the Liberation of Oman and the Arabian Gulf", type="org")
    text = ("La fusion donne naissance au Front populaire de libération d’Oman et du golfe"
            " Arabique occupé, selon la presse.")
    assert run(text, pfloag, lang="fr") == text


def test_a_relative_introduced_after_the_person_is_someone_else() -> None:
    """"His father, Moustafa Mosharafa": one is not one's own father, even with most of the
    name; with another person named between them, "sa tante" is someone else's aunt."""
    son = entry("Ali Moustafa Mosharafa", "Mostafa Mosharafa")
    text = ("Ali Moustafa Mosharafa taught in Cairo. His father, Mostafa Mosharafa, was a"
            " scholar.")
    assert run(text, son) == text
    text = ("Le physicien Ali Moustafa Mosharafa était le fils de Mostafa Mosharafa, un"
            " cheikh.")
    assert run(text, son, lang="fr") == text
    saqqaf = entry("Omar Saqqaf", "Omar al-Saqqaf", "Omar Al Saqqaf")  # a title between
    text = "Omar al-Saqqaf joined the ministry. His grandfather Sayyid Omar Al Saqqaf traded."
    assert run(text, saqqaf) == text.replace("Omar al-Saqqaf", "Omar Saqqaf", 1)
    inji = entry("Inji Aflatoun", "Inji Efflatoun", "Injy Efflatoun")
    text = ("La galerie expose Inji Efflatoun. Son neveu Hassan Galaleddine a offert les toiles"
            " de sa tante Injy Efflatoun.")
    assert run(text, inji, lang="fr") == text.replace("Efflatoun", "Aflatoun").replace(
        "Injy", "Inji")


def test_a_name_after_bin_is_a_fathers_name() -> None:
    """"Saif bin Hamad Al Sharqi" is a son of Hamad Al Sharqi, whatever the glossary lists."""
    hamad = entry("Hamad bin Mohammed Al Sharqi", "Hamad Al Sharqi")
    text = "He succeeded his elder brother Saif bin Hamad Al Sharqi in 1930."
    assert run(text, hamad) == text


def test_son_of_next_to_a_person_makes_a_longer_name() -> None:
    """A capitalized "Ibn" right before a person's name starts a longer name ("Ibn Abbas
    Firnas"), and a spelling that starts with a lower-case "ibn" after a given name is inside
    one ("Ahmed ibn Fadlan" for Ibn Fadlan): the whole name or nothing, never a part of it.
    After an ordinary word the spelling is the person's."""
    fadlan = entry("Ibn Fadlan", "Ahmad Ibn Fadlan")
    firnas = entry("Abbas ibn Firnas", "Abbas B Firnas")
    text = "A text of Ahmed ibn Fadlan was found. Then ibn Fadlan wrote."
    assert run(text, fadlan) == "A text of Ahmed ibn Fadlan was found. Then Ibn Fadlan wrote."
    text = "Le pont porte le nom d'Abbas ibn Firnas. Une autre page écrit Ibn Abbas Firnas."
    assert run(text, firnas, lang="fr") == text


def test_a_listed_family_name_without_its_joined_article_is_a_short_form() -> None:
    """"Harthi" listed for Jokha Alharthi is her family name alone, not her whole name:
    "Al Harthi" after the full mention is written "Alharthi", never "Al Jokha Alharthi"."""
    harthi = entry("Jokha Alharthi", "Harthi")
    text = "Omani author Jokha Al Harthi is on the longlist. Al Harthi wrote the book."
    assert run(text, harthi) == ("Omani author Jokha Alharthi is on the longlist. Alharthi"
                                 " wrote the book.")


def test_a_listed_end_of_a_name_led_by_a_given_name_in_another_romanization() -> None:
    """"Neguib el-Hilaly" is led by Naguib (Najib) in another spelling: the name in full, as
    the other listed spellings are, so a second pass finds nothing more to change."""
    hilaly = entry("Ahmed Naguib el Hilaly", "Naguib Hilaly", "Neguib el-Hilaly")
    text = "British lists carried him as Neguib el-Hilaly."
    out = run(text, hilaly)
    assert out == "British lists carried him as Ahmed Naguib el Hilaly."
    assert run(out, hilaly) == out


def test_a_wider_body_is_not_the_glossarys() -> None:
    judges = entry("Association of Tunisian Judges", "Association of Judges", type="org")
    text = "The International Association of Judges met the Association of Judges."
    assert run(text, judges) == (
        "The International Association of Judges met the Association of Tunisian Judges.")


def test_an_article_joined_to_a_middle_name_is_the_glossarys_article() -> None:
    lebatt = entry("Mohamed El Hacen Lebatt")
    assert run("Mohamed Alhacen Lebatt spoke.", lebatt) == "Mohamed El Hacen Lebatt spoke."
    assert run("Mohamed Alhassan Lebatt spoke.", lebatt) == "Mohamed El Hacen Lebatt spoke."


def test_a_malay_religious_title_is_no_other_name() -> None:
    alafasy = entry("Mishary Rashid Alafasy", "Mishari")
    text = "Fans call him Syaikh Mishari."
    assert run(text, alafasy) == "Fans call him Syaikh Mishary Rashid Alafasy."


def test_a_middle_name_added_to_a_given_name_a_vowel_off() -> None:
    saegh = entry("Ebtisam al-Saegh", "Ebtisam Al-Saegh")
    text = "ADHRB profiled Ebtesam Abdulhusain al-Saegh in 2017."
    assert run(text, saegh) == "ADHRB profiled Ebtisam al-Saegh in 2017."
    # the family name stays strict: another family's Ebtesam is left alone
    other = "ADHRB profiled Ebtesam Abdulhusain al-Sayegh in 2017."
    assert run(other, saegh) == other


def test_a_given_name_with_an_ayn_before_a_family_name_is_someone_elses() -> None:
    """"Ne'matallah" is one given name (not the French "ne"): his "Beyzai" is his own."""
    beyzaie = entry("Bahram Beyzaie", "Bahram Beizai")
    text = "The father of Bahram Beizai was the poet Ne'matallah Beyzai."
    assert run(text, beyzaie) == (
        "The father of Bahram Beyzaie was the poet Ne'matallah Beyzai.")


def test_a_listed_spelling_with_an_abbreviation_keeps_its_period() -> None:
    """"Mustafa ef. Cerić": the Bosnian clerics' "ef." (effendi) is part of the spelling."""
    ceric = entry("Mustafa Cerić", "Mustafa ef. Cerić")
    text = "The reis Mustafa ef. Cerić spoke; Mustafa Ef. Ceric left."
    assert run(text, ceric) == "The reis Mustafa Cerić spoke; Mustafa Cerić left."


def test_a_listed_short_form_whose_target_is_a_listed_spelling_is_a_fixed_point() -> None:
    """"Izet" stands for the tail "Izzet Pasha" of Ahmed Izzet Pasha; where the glossary lists
    "İzzet Pasha" as a full spelling, the short form is written as the canonical at once, so
    a second run changes nothing."""
    izzet = entry("Ahmed Izzet Pasha", "İzzet Pasha", fr=("Izet",))
    text = "Le journal nomme Ahmed Izzet Pasha. Plus bas, il écrit « le maréchal Izet »."
    once = run(text, izzet, lang="fr")
    assert once == ("Le journal nomme Ahmed Izzet Pasha. Plus bas, il écrit « le maréchal "
                    "Ahmed Izzet Pasha ».")
    assert run(once, izzet, lang="fr") == once


def test_a_listed_spelling_written_as_the_canonicals_part_stays_so_on_a_second_pass() -> None:
    huda = entry("Tawfik Abu al-Huda", "Abul-Huda", "Abul al-Huda")
    canon = Canonicalizer(Glossary.build([huda]), known_aliases=False)
    once = canon.canonicalize("Tawfik Abu al-Huda spoke. Some call him Abul al-Huda.", "en")[0]
    assert once == "Tawfik Abu al-Huda spoke. Some call him Abu al-Huda."
    assert canon.canonicalize(once, "en") == (once, [])


def test_a_family_name_next_to_the_word_for_a_family_is_the_family() -> None:
    kubar = entry("Abdul Majid Kubar", "Kaabar")
    assert run("His mother belonged to the Kaabar family of Gharian.", kubar) == \
        "His mother belonged to the Kaabar family of Gharian."
    assert run("Le clan Kaabar l'a longtemps dirigée.", kubar, lang="fr") == \
        "Le clan Kaabar l'a longtemps dirigée."
    assert run("Kaabar spoke.", kubar) == "Abdul Majid Kubar spoke."  # (alone: the person)


def test_a_short_form_next_to_the_word_for_a_tribe_is_the_tribe() -> None:
    taraki = entry("Nur Muhammad Taraki", "Noor Mohammad Tarakai")
    text = ("Some write Noor Mohammad Tarakai, after the Tarakai tribe of Ghazni. "
            "Tarakai ruled.")
    assert run(text, taraki) == ("Some write Nur Muhammad Taraki, after the Tarakai tribe of "
                                 "Ghazni. Taraki ruled.")


@pytest.mark.parametrize("text", [
    "The historian Said Sheikh Samatar wrote on poetry.",
    "The historian Abdi Sheikh Ali Samatar wrote on poetry.",
])
def test_a_title_led_by_a_given_name_is_inside_someone_elses_name(text: str) -> None:
    samantar = entry("Mohamed Ali Samantar", "Samatar", "Ali Samatar")
    assert run(text, samantar) == text
    assert run("General Samatar spoke.", samantar) == "General Mohamed Ali Samantar spoke."


def test_a_trailing_ayn_is_the_names_last_letter() -> None:
    riffa = entry("Riffa", "Ar-Rifāʿ", type="place")
    assert run("It appears as Ar-Rifāʿ in transcription.", riffa) == \
        "It appears as Riffa in transcription."


def test_a_dash_and_the_ayn_that_starts_the_next_word_join_a_name() -> None:
    maarri = entry("Al-Maarri", "Abū l-ʿAlāʾ al-Maʿarrī")
    assert run("The poet Abū l-ʿAlāʾ al-Maʿarrī wrote.", maarri) == "The poet Al-Maarri wrote."


def test_a_hyphenated_given_name_is_no_respelling_of_a_shorter_name() -> None:
    mzali = entry("Mohamed Mzali")
    text = "Mohamed Mzali became prime minister. Mohamed-Salah Mzali had led a government."
    assert run(text, mzali) == text


@pytest.mark.parametrize(("text", "expected"), [
    # the abbreviation's period before a capitalized word that opens no sentence is its own
    ("U.S. Kills Iranian Quds Force Leader", "US Kills Iranian Quds Force Leader"),
    ("It was approved by the U.S. The Treasury said so.",
     "It was approved by the US. The Treasury said so."),
    ("It was approved by the U.S.\nThe Treasury said so.",
     "It was approved by the US.\nThe Treasury said so."),
    ("He met U.S. officials.", "He met US officials."),
])
def test_an_abbreviations_period_is_never_left_behind(text: str, expected: str) -> None:
    us = entry("US", "U.S.", type="place")
    assert run(text, us) == expected
    assert "US. " not in run("Sources, including the U.S. Treasury, say so.", us)


def test_a_headline_word_after_a_name_is_never_taken_into_it() -> None:
    haniyeh = entry("Ismail Haniyeh")
    text = ("Minister Ismail Haniyeh Affirms that the Priorities of Policy is to Expand Ties\n\n"
            "This came in a call to Ismail Haniyeh, from the Secretary.")
    assert run(text, haniyeh) == text


@pytest.mark.parametrize("text", [
    "Soleimani, the head of the elite al-Quds force, was killed.",
    "The Al Quds TV station aired the video.",
    "Students of Al Quds University protested.",
    "Il commandait la force d’élite « Al Quds » du CGRI.",
])
def test_a_channel_or_unit_named_after_a_place_is_not_the_place(text: str) -> None:
    quds = entry("Al-Quds", "Al Quds", type="place")
    assert run(text, quds) == text
    assert run("Crowds gathered in Al Quds on Friday.", quds) == \
        "Crowds gathered in Al-Quds on Friday."


def test_a_name_owning_a_relative_is_the_person_not_a_relative() -> None:
    kani = entry("Ali Bagheri Kani", short="Bagheri Kani")
    text = ("Ali Bagheri Kani was named. Khamenei is the father-in-law of Bagheri's brother. "
            "Bagheri once said so.")
    assert run(text, kani) == text.replace("Bagheri'", "Bagheri Kani'").replace(
        "Bagheri once", "Bagheri Kani once")


def test_a_dateline_paragraph_is_no_part_of_the_next_name() -> None:
    turkey = entry("Turkey", "Türkiye", type="place")
    text = "Fidan meets officials\n\nDOHA\n\nTürkiye’s Foreign Minister met them."
    assert run(text, turkey) == text.replace("Türkiye", "Turkey")


def test_a_known_alias_written_beside_the_name_it_stands_for_stays() -> None:
    hamas = entry("Hamas", type="org")
    canon = Canonicalizer(Glossary.build([hamas]), known_aliases=True)
    for text in ("The Islamic Resistance Movement (Hamas) said so.",
                 "the political bureau of the Islamic Resistance Movement-Hamas",
                 "Hamas (Islamic Resistance Movement) said so.",
                 "the bureau of the Islamic Resistance Movement, Hamas, met."):
        assert canon.canonicalize(text, "en")[0] == text
    assert canon.canonicalize("The Islamic Resistance Movement said so.", "en")[0] == \
        "The Hamas said so."


def test_a_known_alias_after_another_countrys_name_is_that_countrys() -> None:
    canon = Canonicalizer(Glossary.build([entry("Hamas", type="org")]), known_aliases=True)
    text = "The strongest group in Iraq's Islamic Resistance Movement fired drones."
    assert canon.canonicalize(text, "en")[0] == text
    assert canon.canonicalize("The Islamic Resistance Movement said so.", "en")[0] == \
        "The Hamas said so."


@pytest.mark.parametrize("text", [
    "Fuad Shukr, also known as Hajj Mohsin, joined Hezbollah in 1985.",
    'Shukr also goes by the names "Hajj Mohsen" and "Mohsen Shukr."',
    "Mazloum Abdi (also known as General Mazloum Kobani) leads the SDF.",
    "Asaad al-Shaibani, connu sous le nom de Zaid al-Attar, a rencontré le ministre.",
    "Connu sous de multiples noms de guerre, dont celui de Zaïd al Attar, il a négocié.",
])
def test_a_known_alias_the_sentence_gives_as_another_name_stays(text: str) -> None:
    glossary = Glossary.build([entry("Fuad Shukr"), entry("Mazloum Abdi"),
                               entry("Asaad al-Shaibani")])
    canon = Canonicalizer(glossary, known_aliases=True)
    assert canon.canonicalize(text, "fr" if "nom" in text else "en")[0] == text
    # elsewhere the alias names the person, written as the canonical
    text = "Fuad Shukr was killed. Israel said Hajj Mohsin planned it."
    assert canon.canonicalize(text, "en")[0] == text.replace("Hajj Mohsin", "Fuad Shukr")


def test_a_nom_de_guerre_gives_no_family_name_of_its_own() -> None:
    # "Mazloum Kobani" (of Kobani) is an alias of Mazloum Abdi: "Kobani" is still the town
    canon = Canonicalizer(Glossary.build([entry("Mazloum Abdi")]), known_aliases=True)
    text = "Mazloum Abdi was born in Kobani, the Kurdish town."
    assert canon.canonicalize(text, "en")[0] == text


def test_the_word_before_an_article_led_family_name_is_no_short_form() -> None:
    # "Shia" of Mohammed Shia al-Sudani is his father's name, and a word of every story
    sudani = entry("Mohammed Shia al-Sudani", "Mohammed al-Sudani")
    text = ("Mohammed Shia al-Sudani was nominated, a decision opposed by the firebrand Shia "
            "cleric Muqtada al-Sadr.")
    assert run(text, sudani) == text


def test_a_one_word_place_is_never_respelled_into_a_persons_name() -> None:
    soleimani = entry("Qasem Soleimani")
    city = entry("Sulaymaniyah", "Sulaimani", type="place")
    text = "A strike killed Qasem Soleimani. Both al-Muhandis and Soleimani were killed."
    assert run(text, soleimani, city) == text
    assert run("He flew to Sulaimaniya.", soleimani, city) == "He flew to Sulaymaniyah."


def test_a_family_name_alone_with_other_accents_is_written_as_the_canonical_writes_it() -> None:
    # no full mention needed: "Erdoğan" is spelled "Erdogan" whoever of the family it names
    erdogan = entry("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan")
    ocalan = entry("Abdullah Öcalan", "Abdullah Ocalan")
    text = "Özel said, addressing Erdoğan, that Mr. Ocalan was well."
    assert run(text, erdogan, ocalan) == \
        "Özel said, addressing Erdogan, that Mr. Öcalan was well."
    # a relative named before it makes the bare name anyone's of the family: left alone
    kin = "Bilal Erdoğan spoke. Erdoğan said no."
    assert run(kin, erdogan) == kin
    # nor another entry's given name, nor a word a name goes on after ("Leon van ...")
    leon = entry("Juan Carlos León")
    text = "Leon van Schevinghuizen told reporters that León had left."
    assert run(text, leon, entry("Leon Marchand")) == text
    assert run(text, leon) == text
    # and never a name anyone may be given, nor a word in capitals
    taha = entry("Hussein Ibrahim Taha", "Hussain Ibrahim Taha")
    ref = "HUSAYN, TAHA (1889-1971), Egyptian novelist. Tahâ wrote novels."
    assert run(ref, taha) == ref


def test_a_family_name_alone_in_another_romanization_is_the_canonicals() -> None:
    # "Rafsandjani" (French), "Toqaev", "Farmaajo": the family name's key, spelled otherwise,
    # with no full mention in the story
    rafsanjani = entry("Akbar Hashemi Rafsanjani")
    tokayev = entry("Kassym-Jomart Tokayev")
    text = "Sous le président Rafsandjani, puis Toqaev, rien."
    assert run(text, rafsanjani, tokayev, lang="fr") == \
        "Sous le président Rafsanjani, puis Tokayev, rien."
    # never a given name, a place, an ordinary word or a word of another glossary name
    behruz = entry("Ali Behruz")  # a family name with the key of a given name: "Behrouz"
    text = "Behrouz said no."
    assert run(text, behruz) == text
    assert run("Behruz said no.", entry("Ali Behrouz")) == "Behruz said no."
    saleh = entry("Barham Salih")
    text = "Saleh said no."  # a given name, and the family of another president
    assert run(text, saleh) == text
    # the glossary's own other spelling of the name too (never another entry's word)
    pashinyan = entry("Nikol Pashinyan", "Nikol Pashinian")
    assert run("Karapetian infuriated Pashinian.", pashinyan) == \
        "Karapetian infuriated Pashinyan."
    assert run("Pashinian spoke.", pashinyan, entry("Ara Pashinian")) == "Pashinian spoke."
    # nor a people's adjective, a town, a short word, another first letter
    for person, text in (("Ahmed Zaki Yamani", "Yemeni forces said no."),
                         ("Muhammad Saleh Benten", "Pilgrims from Banten wait."),
                         ("Hakim Kaanache", "Cannes said no."),
                         ("Yassine Bounou", "Bono said no.")):
        assert run(text, entry(person)) == text
    # alone, it is the family name only, never grown into the full name by an initial
    text = "Decree No. 59 on the dismissal of V. Zaluzhnyi was signed."
    assert run(text, entry("Valery Zaluzhny")) == text.replace("Zaluzhnyi", "Zaluzhny")
    # nor the last word of a longer name the glossary does not know
    text = "Syed Abul A'ala Mawdudi spoke. Mawdudi said no."
    assert run(text, entry("Abul A'la Maududi")) == \
        "Syed Abul A'ala Mawdudi spoke. Maududi said no."
    # two entries whose family names share the key: nobody's alone
    two = [entry("Ali Rafsanjani"), entry("Mehdi Rafsandjani")]
    text = "Rafsanjany said no."
    assert run(text, *two) == text


def test_a_big_citys_name_is_never_a_respelled_short_form() -> None:
    qureshi = entry("Shah Mahmood Qureshi", "Shah Mehmood Qureshi")
    text = "Shah Mehmood Qureshi met Zardari, who flew from Dubai to Karachi. Qureshy spoke."
    assert run(text, qureshi) == ("Shah Mahmood Qureshi met Zardari, who flew from Dubai to "
                                  "Karachi. Qureshi spoke.")


def test_a_middle_word_alone_is_completed_only_where_the_glossary_spells_the_rest() -> None:
    # "Bihi" of Muse Bihi Abdi is his father's name, never "Bihi Abdi"; "Baqeri" of Ali
    # Bagheri Kani is written as the canonical writes the word; where the glossary spells
    # "Bagheri Kani" as a name of its own, the word alone is that name
    bihi = entry("Muse Bihi Abdi", "Musa Abdi Bihi")
    assert run("Muse Bihi Abdi won. Mr. Bihi spoke.", bihi) == \
        "Muse Bihi Abdi won. Mr. Bihi spoke."
    kani = entry("Ali Bagheri Kani", "Ali Baqeri Kani")
    assert run("Ali Baqeri Kani met them. Baqeri said no.", kani) == \
        "Ali Bagheri Kani met them. Bagheri said no."
    listed = entry("Ali Bagheri Kani", "Bagheri Kani")
    assert run("Ali Bagheri Kani met them. Baqeri said no.", listed) == \
        "Ali Bagheri Kani met them. Bagheri Kani said no."


def test_a_name_that_opens_a_quotation_closed_after_it_stays() -> None:
    irro = entry("Abdirahman Mohamed Abdullahi Irro", "Abdirahman Irro")
    text = "The opposition leader Abdirahman Mohamed Abdullahi ‘Irro’ won the vote."
    assert run(text, irro) == text  # never "... Abdullahi Irro’ won"
    assert run("« Abdirahman Irro » a gagné.", irro, lang="fr") == \
        "« Abdirahman Mohamed Abdullahi Irro » a gagné."


def test_a_country_after_of_ends_the_title_before_a_name() -> None:
    fuad = entry("Fuad Hussein", "Fuad Hussain")
    assert run("The Foreign Minister of Iraq Fuad Mohammed Hussein met them.", fuad) == \
        "The Foreign Minister of Iraq Fuad Hussein met them."


def test_a_headline_with_an_abbreviated_title_is_still_a_headline() -> None:
    raisi = entry("Ebrahim Raisi", "Ebrahim Raeisi")
    text = ("Iran Pres. Raeisi, FM die in chopper crash\n\nTEHRAN - President Ebrahim Raeisi "
            "died. Raeisi was 63.")
    assert run(text, raisi) == text.replace("Raeisi", "Raisi")


def test_an_abbreviated_secretary_general_is_a_title() -> None:
    nakhalah = entry("Ziyad al-Nakhalah", "Ziyad al-Nakhala", short="al-Nakhalah")
    text = "Ziyad al-Nakhala met them. The delegation was led by Sec-Gen Nakhala."
    assert run(text, nakhalah) == ("Ziyad al-Nakhalah met them. The delegation was led by "
                                   "Sec-Gen al-Nakhalah.")


def test_a_place_name_after_a_comma_or_title_and_before_a_family_name_is_a_person() -> None:
    israel = entry("Israel", type="place")
    text = "Le ministre israélien de la Défense, Israël Katz, a menacé."
    assert run(text, israel, lang="fr") == text
    assert run("Israël a frappé.", israel, lang="fr") == "Israel a frappé."


def test_an_acronym_the_glossary_lists_is_never_another_entrys_acronym(canonicalizer) -> None:
    text = ("The Organization of Islamic Cooperation met. Turkey backs the OIC-Arab League "
            "plan and the work of the OIC.")
    assert canonicalizer.canonicalize(text, "en")[0] == text


def test_a_name_after_a_given_name_is_the_son_named_for_his_father() -> None:
    # the glossary knows the son: his given name and then his father's name
    father = entry("Idriss Deby Itno", "Idriss Déby")
    son = entry("Mahamat Idriss Deby Itno", "Mahamat Idriss Déby")
    for text in ("The Chadian president Mahamad Idris Deby spoke.",
                 "The Chadian president Mohamed Idris Deby spoke."):
        assert run(text, father, son) == text
    assert run("President Idris Deby died. Mahamat Idriss Déby rules.", father, son) == \
        "President Idriss Deby Itno died. Mahamat Idriss Deby Itno rules."
    # a capitalized word that is no given name is no son's: "Head of State Idriss Déby"
    assert run("He met the Head of State Idriss Déby.", father, son) == \
        "He met the Head of State Idriss Deby Itno."
    # without the son in the glossary, the father's name keeps its leading Muhammad
    assert run("Mohamed Idris Deby spoke.", father) == "Idriss Deby Itno spoke."


def test_a_sentence_ended_inside_a_quotation_starts_the_next_with_a_capital() -> None:
    sheikh = entry("Hussein al-Sheikh", "Hussein Al-Sheikh")
    text = "Hussein Al-Sheikh spoke of “the leadership.” Al-Sheikh, 64, left. He met Al-Sheikh."
    assert run(text, sheikh) == ("Hussein al-Sheikh spoke of “the leadership.” Al-Sheikh, 64, "
                                 "left. He met al-Sheikh.")


def test_a_title_and_a_name_are_never_one_family_name_written_as_two() -> None:
    # "Mme Hamedi" is Mrs Hamedi, never "Mhamedi" for the Mohammadi of another woman
    hamedi = entry("Niloufar Hamedi")
    mohammadi = entry("Elaheh Mohammadi")
    text = "Elaheh Mohammadi a été condamnée. Mme Hamedi, photographe, a écopé."
    assert run(text, hamedi, mohammadi, lang="fr") == text


def test_a_muhammad_alone_is_no_short_form_unless_written_as_the_glossary_writes_it() -> None:
    mahathir = entry("Mahathir Mohamad", "Mahathir bin Mohamad")
    text = "Mahathir Mohamad spoke. Later Mohamed, his son, spoke."
    assert run(text, mahathir) == text


def test_a_one_word_name_before_another_name_word_is_part_of_that_other_name() -> None:
    sukarno = entry("Sukarno", "Soekarno")
    text = "Soekarno ruled. His daughter's name is Soekarno Putri, sources say."
    assert run(text, sukarno) == text.replace("Soekarno ruled", "Sukarno ruled")


def test_a_royals_given_name_after_the_title_is_written_as_the_canonical_writes_it() -> None:
    salman = entry("Salman bin Abdulaziz", fr=("Salmane ben Abdelaziz",))
    reema = entry("Reema bint Bandar")
    mbs = entry("Mohammed bin Salman")
    text = "Le roi Salmane d'Arabie a parlé. La princesse Rima sera ambassadrice."
    assert run(text, salman, reema, mbs, lang="fr") == \
        "Le roi Salman d'Arabie a parlé. La princesse Reema sera ambassadrice."
    # never a longer name, another person with that first name, or a name of anyone
    for other in ("Le prince Salmane ben Hamad est venu.", "Le prince Salmane Khalifa parle.",
                  "Le prince Mohamed a parlé."):
        assert run(other, salman, mbs, lang="fr") == other
    text = "Le roi Salmane a parlé."
    assert run(text, salman, entry("Salman al-Odah"), lang="fr") == text
    # nor without the title
    assert run("Salmane a parlé.", salman, lang="fr") == "Salmane a parlé."


def test_an_abbreviated_title_ends_no_sentence() -> None:
    nakhalah = entry("Ziad al-Nakhalah", "Ziyad al-Nakhalah")
    text = "Ziyad al-Nakhalah arrived. A source said Mr. Al-Nakhalah spoke. Al-Nakhalah left."
    assert run(text, nakhalah) == ("Ziad al-Nakhalah arrived. A source said Mr. al-Nakhalah "
                                   "spoke. Al-Nakhalah left.")


def test_a_word_of_four_letters_alone_is_no_respelled_family_name() -> None:
    hams = entry("Marwan al-Hams")
    text = "Dr Marwan al-Hams was seized as a supposed Hamas operative."
    assert run(text, hams) == text


def test_a_longer_name_with_another_fathers_name_is_someone_else() -> None:
    pm = entry("Abdullah bin Nasser bin Khalifa Al-Thani")
    text = ("Abdullah bin Nasser bin Khalifa Al-Thani resigned. The emir, with Deputy Emir "
            "Sheikh Abdullah bin Hamad Al Thani, spoke.")
    assert run(text, pm) == text
