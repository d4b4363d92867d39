#!/usr/bin/env python3
"""Writes assets/demo/offers.json: made-up job offers for the embedded default's demo content.

Every offer is invented: the employers are made-up names marked "(demo)", the ids start with
"demo-". Offers are built from templates, one occupation x one city x one employer name, with
titles and descriptions in Turkish, Bulgarian, English and Arabic in short, plain sentences.
Nothing is random: the same script always writes the same file, so the file is committed and
the run command reads only the JSON (python3 is not needed at run time).

The format is docs/job-offers.md; `kiosk-central jobs import --db URL assets/demo/offers.json`
loads it, and tests/sync/server_jobs_test.cpp checks that every offer passes the validator.

    python3 assets/demo/make_offers.py            # rewrites offers.json next to this script
"""

import json
import os

LANGS = ("tr", "bg", "en", "ar")
OFFERS_PER_CITY = 11

# [SECTION] Cities: name in each language, and the locative phrase ("in Istanbul") for the
# description, written out because Turkish suffixes and Bulgarian prepositions vary.
CITIES = [
    # key, country, city field, region, {lang: name}, {lang: "in ..."}, farming area
    ("istanbul", "TR", "İstanbul", "İstanbul",
     {"tr": "İstanbul'da", "bg": "в Истанбул", "en": "in Istanbul", "ar": "في إسطنبول"}, False),
    ("ankara", "TR", "Ankara", "Ankara",
     {"tr": "Ankara'da", "bg": "в Анкара", "en": "in Ankara", "ar": "في أنقرة"}, False),
    ("izmir", "TR", "İzmir", "İzmir",
     {"tr": "İzmir'de", "bg": "в Измир", "en": "in Izmir", "ar": "في إزمير"}, True),
    ("gaziantep", "TR", "Gaziantep", "Gaziantep",
     {"tr": "Gaziantep'te", "bg": "в Газиантеп", "en": "in Gaziantep", "ar": "في غازي عنتاب"},
     False),
    ("nizip", "TR", "Nizip", "Gaziantep",
     {"tr": "Nizip'te", "bg": "в Низип", "en": "in Nizip", "ar": "في نزيب"}, True),
    ("bursa", "TR", "Bursa", "Bursa",
     {"tr": "Bursa'da", "bg": "в Бурса", "en": "in Bursa", "ar": "في بورصة"}, False),
    ("inegol", "TR", "İnegöl", "Bursa",
     {"tr": "İnegöl'de", "bg": "в Инегьол", "en": "in Inegol", "ar": "في إينيغول"}, True),
    ("mersin", "TR", "Mersin", "Mersin",
     {"tr": "Mersin'de", "bg": "в Мерсин", "en": "in Mersin", "ar": "في مرسين"}, True),
    ("tarsus", "TR", "Tarsus", "Mersin",
     {"tr": "Tarsus'ta", "bg": "в Тарсус", "en": "in Tarsus", "ar": "في طرسوس"}, True),
    ("konya", "TR", "Konya", "Konya",
     {"tr": "Konya'da", "bg": "в Коня", "en": "in Konya", "ar": "في قونية"}, True),
    ("adana", "TR", "Adana", "Adana",
     {"tr": "Adana'da", "bg": "в Адана", "en": "in Adana", "ar": "في أضنة"}, True),
    ("sanliurfa", "TR", "Şanlıurfa", "Şanlıurfa",
     {"tr": "Şanlıurfa'da", "bg": "в Шанлъурфа", "en": "in Sanliurfa", "ar": "في شانلي أورفا"},
     True),
    ("sofia", "BG", "София", "София-град",
     {"tr": "Sofya'da", "bg": "в София", "en": "in Sofia", "ar": "في صوفيا"}, False),
    ("plovdiv", "BG", "Пловдив", "Пловдив",
     {"tr": "Plovdiv'de", "bg": "в Пловдив", "en": "in Plovdiv", "ar": "في بلوفديف"}, True),
    ("asenovgrad", "BG", "Асеновград", "Пловдив",
     {"tr": "Asenovgrad'da", "bg": "в Асеновград", "en": "in Asenovgrad", "ar": "في أسينوفغراد"},
     True),
    ("varna", "BG", "Варна", "Варна",
     {"tr": "Varna'da", "bg": "във Варна", "en": "in Varna", "ar": "في فارنا"}, False),
    ("burgas", "BG", "Бургас", "Бургас",
     {"tr": "Burgaz'da", "bg": "в Бургас", "en": "in Burgas", "ar": "في بورغاس"}, False),
    ("ruse", "BG", "Русе", "Русе",
     {"tr": "Ruse'de", "bg": "в Русе", "en": "in Ruse", "ar": "في روسه"}, True),
    ("stara-zagora", "BG", "Стара Загора", "Стара Загора",
     {"tr": "Stara Zagora'da", "bg": "в Стара Загора", "en": "in Stara Zagora",
      "ar": "في ستارا زاغورا"}, True),
    ("kazanlak", "BG", "Казанлък", "Стара Загора",
     {"tr": "Kazanlak'ta", "bg": "в Казанлък", "en": "in Kazanlak", "ar": "في كازانلاك"}, True),
]

COASTAL = {"izmir", "mersin", "varna", "burgas"}

# The country's language: its ISO 639-3 code (required languages) and its name in each
# language (for sentences such as "between Arabic and Turkish").
LOCAL_LANGUAGE = {
    "TR": ("tur", {"tr": "Türkçe", "bg": "турски", "en": "Turkish", "ar": "التركية"}),
    "BG": ("bul", {"tr": "Bulgarca", "bg": "български", "en": "Bulgarian", "ar": "البلغارية"}),
}

# Made-up names for employers, combined with each occupation's kind of workplace.
NAME_WORDS = {
    "TR": ["Çınar", "Lale", "Papatya", "Kardelen", "Zeytin", "Nar", "Defne", "Martı", "Ilgın",
           "Badem", "Serin", "Yıldız", "Ardıç"],
    "BG": ["Липа", "Бреза", "Елха", "Явор", "Мелница", "Извор", "Зора", "Слънчоглед", "Чайка",
           "Калина", "Кестен", "Теменуга", "Кокиче"],
}

# [SECTION] Occupations: ISCO-08 unit group, ISIC section, titles and what the work is, in the
# four languages; then what the offers ask and give. {local} is the country's language in the
# sentence's language. Arabic describes the tasks as nouns ("المهام: ...") so the text does not
# address a man or a woman.
#
# level: pay level (1 = entry, 2 = skilled, 3 = qualified, 4 = professional).
# lang: minimum level of the country's language, or None; extra: more required languages.
# farm: only in farming areas; coast: seasonal on the coast.
OCCUPATIONS = [
    dict(isco="5120", sector="I", level=2, edu=2, lang="A2", contracts=["full_time", "part_time"],
         flags=["training_provided", "refugee_friendly", "transport_provided"],
         tr_kind="{w} Lokantası", bg_kind="Ресторант „{w}“",
         title={"tr": "Aşçı", "bg": "Готвач", "en": "Cook", "ar": "طبّاخ"},
         duty={"tr": "Lokanta mutfağında sıcak yemekleri hazırlayıp pişirirsiniz. Mutfağı temiz "
                     "tutarsınız.",
               "bg": "Приготвяте топли ястия в кухнята на ресторант. Поддържате кухнята чиста.",
               "en": "You prepare and cook hot meals in a restaurant kitchen. You keep the "
                     "kitchen clean.",
               "ar": "المهام: تحضير الوجبات الساخنة وطهيها في مطبخ مطعم، والحفاظ على نظافة "
                     "المطبخ."}),
    dict(isco="9412", sector="I", level=1, edu=0, lang=None, contracts=["full_time", "part_time"],
         flags=["training_provided", "refugee_friendly"],
         tr_kind="{w} Lokantası", bg_kind="Ресторант „{w}“",
         title={"tr": "Mutfak yardımcısı", "bg": "Помощник в кухня", "en": "Kitchen helper",
                "ar": "مساعد مطبخ"},
         duty={"tr": "Sebzeleri yıkar ve doğrarsınız, bulaşık yıkarsınız ve aşçılara yardım "
                     "edersiniz.",
               "bg": "Миете и режете зеленчуци, миете съдове и помагате на готвачите.",
               "en": "You wash and cut vegetables, wash the dishes and help the cooks.",
               "ar": "المهام: غسل الخضار وتقطيعها، وغسل الصحون، ومساعدة الطباخين."}),
    dict(isco="5131", sector="I", level=1, edu=2, lang="B1", contracts=["part_time", "full_time"],
         flags=["training_provided"], coast=True,
         tr_kind="{w} Kafe", bg_kind="Кафе „{w}“",
         title={"tr": "Garson", "bg": "Сервитьор", "en": "Waiter or waitress",
                "ar": "نادل أو نادلة"},
         duty={"tr": "Misafirleri karşılar, siparişleri alır, yemek ve içecekleri masalara "
                     "getirirsiniz.",
               "bg": "Посрещате гостите, приемате поръчки и сервирате храна и напитки.",
               "en": "You greet guests, take orders and bring food and drinks to the tables.",
               "ar": "المهام: استقبال الضيوف، وأخذ الطلبات، وتقديم الطعام والمشروبات إلى "
                     "الطاولات."}),
    dict(isco="9112", sector="I", level=1, edu=0, lang="A1", contracts=["full_time"],
         flags=["training_provided", "housing_provided", "refugee_friendly"], coast=True,
         tr_kind="{w} Otel", bg_kind="Хотел „{w}“",
         title={"tr": "Otel kat görevlisi", "bg": "Хигиенист в хотел",
                "en": "Hotel room cleaner", "ar": "عامل أو عاملة تنظيف في فندق"},
         duty={"tr": "Misafir odalarını temizler, çarşaf ve havluları değiştirir, koridorları "
                     "düzenli tutarsınız.",
               "bg": "Почиствате стаите на гостите, сменяте чаршафите и кърпите и поддържате "
                     "коридорите подредени.",
               "en": "You clean guest rooms, change the bed sheets and towels, and keep the "
                     "corridors tidy.",
               "ar": "المهام: تنظيف غرف النزلاء، وتغيير الشراشف والمناشف، والحفاظ على ترتيب "
                     "الممرات."}),
    dict(isco="8153", sector="C", level=1, edu=0, lang="A1", contracts=["full_time"],
         flags=["women_only", "transport_provided", "childcare", "training_provided"],
         tr_kind="{w} Tekstil", bg_kind="„{w}“ Текстил",
         title={"tr": "Dikiş makinesi operatörü", "bg": "Оператор на шевна машина",
                "en": "Sewing machine operator", "ar": "مشغّل ماكينة خياطة"},
         duty={"tr": "Bir tekstil atölyesinde sanayi tipi dikiş makinesinde giysi parçalarını "
                     "dikersiniz.",
               "bg": "Шиете части от дрехи на индустриална шевна машина в текстилен цех.",
               "en": "You sew parts of clothes on an industrial sewing machine in a textile "
                     "workshop.",
               "ar": "المهام: خياطة قطع الملابس على ماكينة خياطة صناعية في ورشة نسيج."}),
    dict(isco="9329", sector="C", level=1, edu=0, lang=None, contracts=["full_time", "part_time"],
         flags=["transport_provided", "training_provided", "accessible"],
         tr_kind="{w} Ambalaj", bg_kind="„{w}“ Опаковки",
         title={"tr": "Fabrikada paketleme işçisi", "bg": "Работник по опаковане във фабрика",
                "en": "Packing worker in a factory", "ar": "عامل تغليف في مصنع"},
         duty={"tr": "Ürünleri kutulara yerleştirir, etiketlerini yapıştırır ve eksik "
                     "olmadığını kontrol edersiniz.",
               "bg": "Поставяте продуктите в кутии, залепяте етикети и проверявате дали нищо не "
                     "липсва.",
               "en": "You pack products into boxes, put labels on them and check that nothing "
                     "is missing.",
               "ar": "المهام: وضع المنتجات في صناديق، ولصق الملصقات عليها، والتأكد من عدم نقص "
                     "أي شيء."}),
    dict(isco="9333", sector="H", level=1, edu=0, lang="A1", contracts=["full_time"],
         flags=["transport_provided", "refugee_friendly"],
         tr_kind="{w} Lojistik", bg_kind="„{w}“ Логистик",
         title={"tr": "Depo işçisi", "bg": "Складов работник", "en": "Warehouse worker",
                "ar": "عامل مستودع"},
         duty={"tr": "Kamyonları yükler ve boşaltır, koli taşır ve rafları düzenli tutarsınız.",
               "bg": "Товарите и разтоварвате камиони, пренасяте кашони и подреждате рафтовете.",
               "en": "You load and unload trucks, carry boxes and keep the shelves in order.",
               "ar": "المهام: تحميل الشاحنات وتفريغها، ونقل الصناديق، وترتيب الرفوف."}),
    dict(isco="8344", sector="H", level=2, edu=2, lang="A2", contracts=["full_time"],
         flags=["transport_provided"],
         tr_kind="{w} Lojistik", bg_kind="„{w}“ Логистик",
         title={"tr": "Forklift operatörü", "bg": "Водач на мотокар", "en": "Forklift driver",
                "ar": "سائق رافعة شوكية"},
         duty={"tr": "Büyük bir depoda forkliftle palet taşırsınız. Forklift belgesi "
                     "gereklidir.",
               "bg": "Премествате палети с мотокар в голям склад. Нужно е свидетелство за "
                     "мотокар.",
               "en": "You move pallets with a forklift in a large warehouse. A forklift licence "
                     "is needed.",
               "ar": "المهام: نقل المنصّات بالرافعة الشوكية في مستودع كبير. تلزم رخصة قيادة "
                     "رافعة شوكية."}),
    dict(isco="8332", sector="H", level=3, edu=2, lang="A2", contracts=["full_time"],
         flags=["refugee_friendly"], extra_bg=[("eng", "A2")],
         tr_kind="{w} Nakliyat", bg_kind="„{w}“ Транс",
         title={"tr": "Kamyon şoförü", "bg": "Шофьор на камион", "en": "Truck driver",
                "ar": "سائق شاحنة"},
         duty={"tr": "Şehirler arasında kamyon kullanır ve mağazalara mal teslim edersiniz. "
                     "Kamyon ehliyeti gereklidir.",
               "bg": "Карате камион между градовете и доставяте стоки до магазините. Нужна е "
                     "шофьорска книжка за камион.",
               "en": "You drive a truck between cities and deliver goods to shops. A truck "
                     "driving licence is needed.",
               "ar": "المهام: قيادة شاحنة بين المدن وتوصيل البضائع إلى المتاجر. تلزم رخصة "
                     "قيادة شاحنات."}),
    dict(isco="9621", sector="H", level=1, edu=0, lang="A2", contracts=["part_time", "full_time"],
         flags=["refugee_friendly"],
         tr_kind="{w} Kurye", bg_kind="„{w}“ Куриер",
         title={"tr": "Kurye", "bg": "Куриер", "en": "Delivery courier", "ar": "عامل توصيل"},
         duty={"tr": "Şehirde evlere paket ve yemek siparişi teslim edersiniz.",
               "bg": "Доставяте пратки и поръчки за храна до домовете в града.",
               "en": "You deliver parcels and food orders to homes in the city.",
               "ar": "المهام: توصيل الطرود وطلبات الطعام إلى المنازل في المدينة."}),
    dict(isco="9313", sector="F", level=1, edu=0, lang=None, contracts=["full_time", "seasonal"],
         flags=["training_provided", "transport_provided", "housing_provided"],
         tr_kind="{w} Yapı", bg_kind="„{w}“ Строй",
         title={"tr": "İnşaat işçisi", "bg": "Строителен работник", "en": "Construction worker",
                "ar": "عامل بناء"},
         duty={"tr": "Şantiyede malzeme taşır, beton karıştırır ve ustalara yardım edersiniz.",
               "bg": "На строителния обект пренасяте материали, бъркате бетон и помагате на "
                     "майсторите.",
               "en": "You carry materials, mix concrete and help the skilled workers on a "
                     "building site.",
               "ar": "المهام: نقل مواد البناء، وخلط الخرسانة، ومساعدة الحرفيين في موقع البناء."}),
    dict(isco="7411", sector="F", level=3, edu=3, lang="A2", contracts=["full_time"],
         flags=["refugee_friendly"],
         tr_kind="{w} Elektrik", bg_kind="„{w}“ Електро",
         title={"tr": "Elektrikçi", "bg": "Електротехник", "en": "Electrician", "ar": "كهربائي"},
         duty={"tr": "Yeni dairelere kablo, priz ve lamba takar, eski tesisatı onarırsınız.",
               "bg": "Прекарвате кабели, монтирате контакти и осветление в нови апартаменти и "
                     "ремонтирате стари инсталации.",
               "en": "You install cables, sockets and lights in new flats and repair old wiring.",
               "ar": "المهام: تمديد الكابلات وتركيب المقابس والإنارة في الشقق الجديدة، وإصلاح "
                     "التمديدات القديمة."}),
    dict(isco="7126", sector="F", level=3, edu=2, lang="A2", contracts=["full_time"],
         flags=["refugee_friendly"],
         tr_kind="{w} Tesisat", bg_kind="„{w}“ ВиК",
         title={"tr": "Sıhhi tesisatçı", "bg": "Водопроводчик", "en": "Plumber",
                "ar": "سبّاك"},
         duty={"tr": "Evlerde ve iş yerlerinde su borularını, muslukları ve tuvaletleri takar "
                     "ve onarırsınız.",
               "bg": "Монтирате и поправяте водопроводни тръби, кранове и тоалетни в домове и "
                     "офиси.",
               "en": "You fit and repair water pipes, taps and toilets in homes and offices.",
               "ar": "المهام: تركيب أنابيب المياه والحنفيات والمراحيض وإصلاحها في المنازل "
                     "والمكاتب."}),
    dict(isco="7212", sector="C", level=3, edu=2, lang="A1", contracts=["full_time"],
         flags=["transport_provided"],
         tr_kind="{w} Metal", bg_kind="„{w}“ Метал",
         title={"tr": "Kaynakçı", "bg": "Заварчик", "en": "Welder", "ar": "لحّام"},
         duty={"tr": "Atölyede makine ve metal kapı parçalarının kaynağını yaparsınız.",
               "bg": "Заварявате стоманени части за машини и метални врати в цех.",
               "en": "You weld steel parts for machines and metal doors in a workshop.",
               "ar": "المهام: لحام القطع الفولاذية للآلات والأبواب المعدنية في ورشة."}),
    dict(isco="9211", sector="A", level=1, edu=0, lang=None, contracts=["seasonal"], farm=True,
         flags=["housing_provided", "transport_provided", "training_provided"],
         tr_kind="{w} Tarım", bg_kind="„{w}“ Агро",
         title={"tr": "Tarım işçisi (meyve ve sebze)",
                "bg": "Селскостопански работник (плодове и зеленчуци)",
                "en": "Farm worker (fruit and vegetables)", "ar": "عامل زراعي (فواكه وخضار)"},
         duty={"tr": "Tarlada meyve ve sebze toplar, kasalara yerleştirirsiniz.",
               "bg": "Берете плодове и зеленчуци на полето и ги подреждате в щайги.",
               "en": "You pick fruit and vegetables in the fields and put them into boxes.",
               "ar": "المهام: قطف الفواكه والخضار في الحقول ووضعها في الصناديق."}),
    dict(isco="7512", sector="C", level=2, edu=0, lang="A1", contracts=["full_time", "part_time"],
         flags=["training_provided"],
         tr_kind="{w} Fırını", bg_kind="Пекарна „{w}“",
         title={"tr": "Fırıncı", "bg": "Пекар", "en": "Baker", "ar": "خبّاز"},
         duty={"tr": "Bir fırında sabah erkenden ekmek ve hamur işi yaparsınız.",
               "bg": "Приготвяте хляб и тестени изделия рано сутрин в пекарна.",
               "en": "You make bread and pastries early in the morning in a bakery.",
               "ar": "المهام: صنع الخبز والمعجنات في الصباح الباكر في مخبز."}),
    dict(isco="5223", sector="G", level=1, edu=2, lang="B1", contracts=["full_time", "part_time"],
         flags=["accessible", "refugee_friendly"],
         tr_kind="{w} Market", bg_kind="Магазин „{w}“",
         title={"tr": "Satış elemanı", "bg": "Продавач-консултант", "en": "Shop assistant",
                "ar": "بائع في متجر"},
         duty={"tr": "Müşterilere yardım eder, ürünleri raflara dizer ve mağazayı düzenli "
                     "tutarsınız.",
               "bg": "Помагате на клиентите, подреждате стоките по рафтовете и поддържате "
                     "магазина подреден.",
               "en": "You help customers, put goods on the shelves and keep the shop tidy.",
               "ar": "المهام: مساعدة الزبائن، ووضع البضائع على الرفوف، والحفاظ على ترتيب "
                     "المتجر."}),
    dict(isco="5230", sector="G", level=1, edu=2, lang="B1", contracts=["part_time", "full_time"],
         flags=["accessible", "training_provided"],
         tr_kind="{w} Market", bg_kind="Супермаркет „{w}“",
         title={"tr": "Süpermarket kasiyeri", "bg": "Касиер в супермаркет",
                "en": "Cashier in a supermarket", "ar": "أمين صندوق (كاشير) في سوبرماركت"},
         duty={"tr": "Ürünlerin barkodunu okutur, nakit ve kartla ödeme alır, fiş verirsiniz.",
               "bg": "Маркирате стоките, приемате плащания в брой и с карта и издавате касови "
                     "бележки.",
               "en": "You scan products, take payments in cash and by card, and give receipts.",
               "ar": "المهام: تمرير المنتجات على الماسح، واستلام المدفوعات نقداً وبالبطاقة، "
                     "وإعطاء الإيصالات."}),
    dict(isco="5322", sector="Q", level=2, edu=2, lang="B1", contracts=["full_time", "part_time"],
         flags=["women_only", "training_provided", "refugee_friendly"],
         tr_kind="{w} Evde Bakım", bg_kind="„{w}“ Домашни грижи",
         title={"tr": "Yaşlı bakım elemanı", "bg": "Домашен помощник на възрастни хора",
                "en": "Home carer for older people", "ar": "مقدّم رعاية منزلية لكبار السن"},
         duty={"tr": "Evde yaşlılara yıkanırken, yemek yerken, alışverişte ve ilaçlarını "
                     "alırken yardım edersiniz.",
               "bg": "Помагате на възрастни хора у дома с къпането, храненето, пазаруването и "
                     "лекарствата.",
               "en": "You help older people at home with washing, meals, shopping and taking "
                     "their medicine.",
               "ar": "المهام: مساعدة كبار السن في منازلهم في الاستحمام والطعام والتسوق وتناول "
                     "الأدوية."}),
    dict(isco="5321", sector="Q", level=2, edu=3, lang="B1", contracts=["full_time"],
         flags=["accessible", "training_provided"],
         tr_kind="{w} Hastanesi", bg_kind="Болница „{w}“",
         title={"tr": "Hasta bakım elemanı", "bg": "Санитар в болница",
                "en": "Hospital care assistant", "ar": "مساعد تمريض في مستشفى"},
         duty={"tr": "Hemşirelere hasta bakımında yardım edersiniz: hastaların yemek yemesine, "
                     "yıkanmasına ve hareket etmesine yardımcı olursunuz.",
               "bg": "Помагате на медицинските сестри да се грижат за пациентите: при хранене, "
                     "къпане и движение.",
               "en": "You help nurses care for patients: you help them eat, wash and move "
                     "around.",
               "ar": "المهام: مساعدة الممرضين في رعاية المرضى، أي مساعدتهم في الأكل والاستحمام "
                     "والحركة."}),
    dict(isco="5311", sector="Q", level=2, edu=3, lang="B1", contracts=["full_time", "part_time"],
         flags=["women_only", "childcare", "accessible"], extra=[("ara", "B2")],
         tr_kind="{w} Kreşi", bg_kind="Детски център „{w}“",
         title={"tr": "Çocuk bakıcısı", "bg": "Детегледач", "en": "Childcare worker",
                "ar": "مقدّم رعاية للأطفال"},
         duty={"tr": "Bir kreşte küçük çocuklara bakarsınız: onlarla oyun oynar, kitap okur ve "
                     "yemek yersiniz.",
               "bg": "Грижите се за малки деца в детски център: играете, четете и се храните с "
                     "тях.",
               "en": "You look after young children in a day-care centre: you play, read and "
                     "eat with them.",
               "ar": "المهام: رعاية الأطفال الصغار في حضانة، واللعب والقراءة وتناول الطعام "
                     "معهم."}),
    dict(isco="4222", sector="N", level=2, edu=3, lang="B2", contracts=["full_time", "part_time"],
         flags=["accessible", "refugee_friendly", "training_provided"], extra=[("ara", "C1")],
         tr_kind="{w} Çağrı Merkezi", bg_kind="„{w}“ Кол център",
         title={"tr": "Arapça bilen çağrı merkezi çalışanı",
                "bg": "Служител в кол център с арабски език",
                "en": "Call centre agent with Arabic", "ar": "موظّف مركز اتصال يتكلم العربية"},
         duty={"tr": "Müşterilerin telefonlarına ve mesajlarına Arapça ve {local} cevap verir, "
                     "isteklerini kaydedersiniz.",
               "bg": "Отговаряте на обажданията и съобщенията на клиентите на арабски и "
                     "{local} и записвате исканията им.",
               "en": "You answer customers' phone calls and messages in Arabic and {local} and "
                     "write down what they ask for.",
               "ar": "المهام: الرد على مكالمات الزبائن ورسائلهم بالعربية و{local}، وتسجيل "
                     "طلباتهم."}),
    dict(isco="2643", sector="M", level=4, edu=6, lang="C1", contracts=["full_time", "part_time"],
         flags=["accessible", "refugee_friendly"], extra=[("ara", "C2")],
         tr_kind="{w} Sağlık Merkezi", bg_kind="Медицински център „{w}“",
         title={"tr": "Arapça tercüman", "bg": "Преводач с арабски език",
                "en": "Arabic interpreter", "ar": "مترجم فوري للغة العربية"},
         duty={"tr": "Bir sağlık merkezinde Arapça ile {local} arasında sözlü çeviri yapar, "
                     "formların doldurulmasına yardım edersiniz.",
               "bg": "Превеждате устно между арабски и {local} в медицински център и помагате "
                     "на хората да попълват формуляри.",
               "en": "You interpret between Arabic and {local} at a health centre and help "
                     "people fill in forms.",
               "ar": "المهام: الترجمة الشفهية بين العربية و{local} في مركز صحي، ومساعدة الناس "
                     "في تعبئة الاستمارات."}),
    dict(isco="7231", sector="G", level=3, edu=2, lang="A2", contracts=["full_time"],
         flags=["refugee_friendly"],
         tr_kind="{w} Oto Servis", bg_kind="Автосервиз „{w}“",
         title={"tr": "Oto tamircisi", "bg": "Автомонтьор", "en": "Car mechanic",
                "ar": "ميكانيكي سيارات"},
         duty={"tr": "Arabalardaki arızaları bulur, yağ ve fren değiştirir, motor tamiri "
                     "yaparsınız.",
               "bg": "Откривате повреди в автомобилите, сменяте масло и спирачки и ремонтирате "
                     "двигатели.",
               "en": "You find faults in cars, change oil and brakes, and repair engines.",
               "ar": "المهام: اكتشاف أعطال السيارات، وتغيير الزيت والمكابح، وإصلاح المحركات."}),
    dict(isco="5141", sector="S", level=2, edu=2, lang="A2", contracts=["full_time", "part_time"],
         flags=["women_only", "training_provided"],
         tr_kind="{w} Kuaför", bg_kind="Салон „{w}“",
         title={"tr": "Kuaför", "bg": "Фризьор", "en": "Hairdresser", "ar": "مصفّف شعر"},
         duty={"tr": "Yoğun bir kuaför salonunda saç yıkar, keser ve şekillendirirsiniz.",
               "bg": "Миете, подстригвате и оформяте коси в оживен салон.",
               "en": "You wash, cut and style hair in a busy salon.",
               "ar": "المهام: غسل الشعر وقصّه وتصفيفه في صالون مزدحم."}),
    dict(isco="2512", sector="J", level=4, edu=6, lang=None, contracts=["full_time"],
         flags=["accessible", "refugee_friendly"], extra=[("eng", "B2")],
         tr_kind="{w} Yazılım", bg_kind="„{w}“ Софт",
         title={"tr": "Yazılım geliştirici", "bg": "Програмист", "en": "Software developer",
                "ar": "مطوّر برمجيات"},
         duty={"tr": "Küçük bir ekipte web ve telefon uygulamaları için kod yazar ve test "
                     "edersiniz.",
               "bg": "Пишете и тествате код за уеб и мобилни приложения в малък екип.",
               "en": "You write and test code for web and phone apps in a small team.",
               "ar": "المهام: كتابة البرمجيات واختبارها لتطبيقات الويب والهاتف ضمن فريق "
                     "صغير."}),
    dict(isco="7531", sector="C", level=2, edu=0, lang="A1", contracts=["part_time", "full_time"],
         flags=["childcare", "accessible"],
         tr_kind="{w} Terzihanesi", bg_kind="Шивашко ателие „{w}“",
         title={"tr": "Terzi (tadilat)", "bg": "Шивач (поправка на дрехи)",
                "en": "Tailor (alterations)", "ar": "خيّاط (تعديل الملابس)"},
         duty={"tr": "Bir terzi dükkânında müşterilerin giysilerini kısaltır, onarır ve "
                     "bedenlerine göre ayarlarsınız.",
               "bg": "Скъсявате, поправяте и стеснявате дрехи на клиенти в шивашко ателие.",
               "en": "You shorten, repair and adjust clothes for the customers of a tailor's "
                     "shop.",
               "ar": "المهام: تقصير ملابس الزبائن وإصلاحها وتعديل مقاساتها في محل خياطة."}),
    dict(isco="2342", sector="P", level=3, edu=6, lang="B2", contracts=["full_time"],
         flags=["childcare", "refugee_friendly"], extra=[("ara", "B2")],
         tr_kind="{w} Anaokulu", bg_kind="Детска градина „{w}“",
         title={"tr": "Okul öncesi öğretmeni", "bg": "Детски учител",
                "en": "Preschool teacher", "ar": "معلّم أو معلّمة روضة أطفال"},
         duty={"tr": "Arapça konuşan ailelerin de olduğu bir anaokulunda 3-6 yaş arası "
                     "çocuklarla etkinlikler yapar ve oyun oynarsınız.",
               "bg": "Занимавате се и играете с деца от 3 до 6 години в детска градина, в която "
                     "има и арабскоговорящи семейства.",
               "en": "You teach and play with children aged 3 to 6 in a kindergarten where "
                     "some families speak Arabic.",
               "ar": "المهام: تعليم الأطفال من عمر 3 إلى 6 سنوات واللعب معهم في روضة تضمّ "
                     "عائلات ناطقة بالعربية."}),
]

# [SECTION] Sentences added to every description

PLACE = {"tr": "İş yeri {loc}.", "bg": "Работното място е {loc}.",
         "en": "The workplace is {loc}.", "ar": "مكان العمل {loc}."}

# Hours are 20 or more, so Arabic counts them with the singular "ساعة" and Bulgarian with "часа".
CONTRACT = {
    "full_time": {"tr": "Tam zamanlı iş, haftada {h} saat.",
                  "bg": "Работа на пълен работен ден, {h} часа седмично.",
                  "en": "Full-time job, {h} hours a week.",
                  "ar": "عمل بدوام كامل، {h} ساعة في الأسبوع."},
    "part_time": {"tr": "Yarı zamanlı iş, haftada {h} saat.",
                  "bg": "Работа на непълен работен ден, {h} часа седмично.",
                  "en": "Part-time job, {h} hours a week.",
                  "ar": "عمل بدوام جزئي، {h} ساعة في الأسبوع."},
    "seasonal": {"tr": "Mevsimlik iş, haftada {h} saat.",
                 "bg": "Сезонна работа, {h} часа седмично.",
                 "en": "Seasonal job, {h} hours a week.",
                 "ar": "عمل موسمي، {h} ساعة في الأسبوع."},
}

FLAG_SENTENCES = {
    "women_only": {"tr": "Bu iş yalnızca kadınlar içindir.", "bg": "Тази работа е само за жени.",
                   "en": "This job is for women only.", "ar": "هذا العمل للنساء فقط."},
    "refugee_friendly": {"tr": "İşveren mültecileri memnuniyetle işe alıyor ve daha önce de "
                               "mülteci çalıştırdı.",
                         "bg": "Работодателят с радост наема бежанци и вече е работил с бежанци.",
                         "en": "The employer welcomes refugees and has hired refugees before.",
                         "ar": "يرحّب صاحب العمل باللاجئين وقد وظّف لاجئين من قبل."},
    "accessible": {"tr": "İş yeri tekerlekli sandalye kullananlar için uygundur.",
                   "bg": "Работното място е достъпно за хора в инвалидна количка.",
                   "en": "The workplace is accessible for wheelchair users.",
                   "ar": "مكان العمل مهيّأ لمستخدمي الكراسي المتحركة."},
    "training_provided": {"tr": "Deneyim gerekmez: işi çalışırken öğrenirsiniz.",
                          "bg": "Не е нужен опит: ще научите работата на място.",
                          "en": "No experience is needed: you learn the work on the job.",
                          "ar": "لا تلزم خبرة سابقة، فالتدريب يتم أثناء العمل."},
    "childcare": {"tr": "Çalışma saatlerinde çocuk bakımı sağlanır.",
                  "bg": "По време на работа има грижа за децата.",
                  "en": "There is childcare during working hours.",
                  "ar": "تتوفّر رعاية للأطفال خلال ساعات العمل."},
    "transport_provided": {"tr": "İşe ücretsiz servis vardır.",
                           "bg": "Има безплатен транспорт до работата.",
                           "en": "There is free transport to work.",
                           "ar": "يتوفّر نقل مجاني إلى العمل."},
    "housing_provided": {"tr": "Konaklama işveren tarafından sağlanır.",
                         "bg": "Работодателят осигурява място за живеене.",
                         "en": "A place to live comes with the job.",
                         "ar": "يوفّر صاحب العمل السكن."},
}
FLAG_ORDER = ["women_only", "refugee_friendly", "accessible", "training_provided", "childcare",
              "transport_provided", "housing_provided"]

# [SECTION] Pay: made-up figures per level. Türkiye in lira, Bulgaria in euro (the euro replaced
# the lev on 1 January 2026). Monthly for full-time work, hourly otherwise.
PAY_MONTH = {"TR": {1: 30000, 2: 34000, 3: 40000, 4: 60000},
             "BG": {1: 700, 2: 850, 3: 1100, 4: 1800}}
PAY_HOUR = {"TR": {1: 170, 2: 195, 3: 230, 4: 350},
            "BG": {1: 4.5, 2: 5.5, 3: 7, 4: 11.5}}


def pay_for(occ, country, contract, n):
    if n % 9 == 4:
        return None  # some offers say nothing about pay
    step = n % 3  # a little variation between employers
    if contract == "full_time":
        low = PAY_MONTH[country][occ["level"]] + step * (1000 if country == "TR" else 50)
        high = low * 5 // 4
        if country == "TR":
            high = high // 500 * 500
        else:
            high = high // 10 * 10
        return {"min": low, "max": high, "currency": "TRY" if country == "TR" else "EUR",
                "period": "month"}
    low = PAY_HOUR[country][occ["level"]] + step * (10 if country == "TR" else 0.25)
    high = low + (40 if country == "TR" else 1.5)
    if country == "BG":
        low, high = round(low, 2), round(high, 2)
    return {"min": low, "max": high, "currency": "TRY" if country == "TR" else "EUR",
            "period": "hour"}


def contract_for(occ, city_key, n):
    if occ.get("coast") and city_key in COASTAL:
        return "seasonal"
    contracts = occ["contracts"]
    return contracts[n % len(contracts)]


def hours_for(contract, country, n):
    if contract == "part_time":
        return (20, 25, 30)[n % 3]
    return 45 if country == "TR" else 40


def flags_for(occ, n):
    pool = occ["flags"]
    # Every other offer asks for the first flag of its pool, and one or two more rotate in.
    chosen = set()
    if n % 2 == 0:
        chosen.add(pool[0])
    if len(pool) > 1:
        chosen.add(pool[1 + n % (len(pool) - 1)])
    if n % 5 == 0 and len(pool) > 2:
        chosen.add(pool[-1])
    # women_only only where the employer asks for it: not on every such offer.
    if "women_only" in chosen and n % 4 != 0:
        chosen.discard("women_only")
    return [f for f in FLAG_ORDER if f in chosen]


def languages_for(occ, country, n):
    local_code = LOCAL_LANGUAGE[country][0]
    out = []
    if occ["lang"] is not None:
        out.append({"code": local_code, "level": occ["lang"]})
    elif n % 3 == 0:
        out.append({"code": local_code, "level": "A1"})
    for code, level in occ.get("extra", []):
        out.append({"code": code, "level": level})
    if country == "BG":
        for code, level in occ.get("extra_bg", []):
            out.append({"code": code, "level": level})
    return out


def dates_for(n):
    month = 1 + n % 12
    expires = "2027-%02d-%02d" % (month, 28 if month == 2 else 30)
    if n % 4 == 0:
        return None, expires  # start as soon as possible
    start_month = max(1, month - 1 - n % 2)
    return "2027-%02d-01" % start_month, expires


def make_offer(city, occ, n, employer_index):
    key, country, city_name, region, loc, _farm = city
    local_code, local_names = LOCAL_LANGUAGE[country]
    contract = contract_for(occ, key, n)
    hours = hours_for(contract, country, n)
    flags = flags_for(occ, n)
    words = NAME_WORDS[country]
    word = words[employer_index % len(words)]
    kind = occ["tr_kind"] if country == "TR" else occ["bg_kind"]
    description = {}
    for lang in LANGS:
        parts = [occ["duty"][lang].format(local=local_names[lang]),
                 PLACE[lang].format(loc=loc[lang]),
                 CONTRACT[contract][lang].format(h=hours)]
        parts += [FLAG_SENTENCES[f][lang] for f in flags]
        description[lang] = " ".join(parts)
    start, expires = dates_for(n)
    offer = {
        "id": "demo-%s-%s-%s" % (country.lower(), key, occ["isco"]),
        "title": dict(occ["title"]),
        "description": description,
        "employer": kind.format(w=word) + " (demo)",
        "city": city_name,
        "region": region,
        "country": country,
        "sector": occ["sector"],
        "occupation": occ["isco"],
        "contract": contract,
        "hours_per_week": hours,
    }
    pay = pay_for(occ, country, contract, n)
    if pay is not None:
        offer["pay"] = pay
    offer["languages"] = languages_for(occ, country, n)
    offer["min_education"] = occ["edu"]
    # In Türkiye the employer applies for the work permit of a person under temporary
    # protection; in Bulgaria a recognised refugee may work without one.
    if country == "TR":
        offer["work_permit"] = "required" if n % 5 == 0 else "employer_applies"
    else:
        offer["work_permit"] = "employer_applies" if n % 6 == 0 else "required"
    offer["flags"] = flags
    if start is not None:
        offer["start_date"] = start
    offer["expires"] = expires
    offer["contact"] = "centre"
    return offer


def make_offers():
    offers = []
    n = 0
    for ci, city in enumerate(CITIES):
        farming = city[5]
        # A different run of occupations in each city, farm work only in farming areas.
        order = [OCCUPATIONS[(ci * 7 + k * 5) % len(OCCUPATIONS)] for k in range(len(OCCUPATIONS))]
        chosen = [o for o in order if farming or not o.get("farm")][:OFFERS_PER_CITY]
        for k, occ in enumerate(chosen):
            offers.append(make_offer(city, occ, n, ci * 3 + k))
            n += 1
    return offers


def main():
    offers = make_offers()
    ids = [o["id"] for o in offers]
    assert len(ids) == len(set(ids)), "offer ids must be unique"
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "offers.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(offers, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d offers to %s" % (len(offers), path))


if __name__ == "__main__":
    main()
