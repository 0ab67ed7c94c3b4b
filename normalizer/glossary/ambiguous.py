"""Words that make a one-word glossary spelling ambiguous: common words and given names.

Contract: ``ambiguity(folded)`` says why a single folded token is a risky spelling on its own
("common word", "given name") or returns ``None``. The lists are small and deliberate: they
cover the English and French words and the Arabic, Persian, Turkish and Western given names
that news text is full of, so a bare "Ali", "Hope" or "Paris" in a glossary gets flagged.
"""

from __future__ import annotations

from normalizer.commonwords import OPENERS, TITLES
from normalizer.textfold import fold_token


def _words(text: str) -> frozenset[str]:
    """A folded word list written as whitespace-separated text (easy to read and extend)."""
    return frozenset(fold_token(w) for w in text.split())


COMMON_WORDS = _words("""
about above across act action after again against age agency aid air all also army art as back
bank base bay bear bell best better big bill bird black blue board body border bright brown
build bush call camp can cap capital care case castle cause center centre chance change charge
city clear close coast cold cook corn council court cross crown day dear deal death deep
defence defense dove down draw east energy even fair faith fall family far farm field fire
first fish flood floor force ford fort fox free friend front fuel game gate general gift glory
gold good grace grand great green ground guard gulf hall hand hard harmony head health heart
help hill hope horn house hunt iron island joy justice key kind king lake land law lead left
liberty light line little lord love main major man march mark may mercy middle might mill mine
miss moon more mount nation new north note oil order palace park party pass peace people pine
place plain point pool power press price prince prize queen rain range red rich right ring
river road rock rose round royal rule salt sand say sea season security shield ship shore short
side silver smith snow sound south spring square star state steel stone storm strip summer sun
sword swords table temple town trade tree true truth union unity victory vision wall war ward
water way well west white will wind winter wood word work world young armée bas beau bien blanc
bon chemin ciel coeur conseil côte droit eau état fer feu fils fleuve force frère gauche grand
guerre homme jour loi maison mer monde mont nord nouvelle nuit paix pays père pierre place
plage pont port roi rouge rue sud terre ville vie
""") | _words(" ".join(TITLES | OPENERS))

GIVEN_NAMES = _words("""
abbas abdallah abdel abdul abdullah abdulla abu adel adil ahmad ahmed ali amin amir anwar asad
ayman aziz bashar bassam bilal ebrahim esmail fadi fahd faisal farid fatima fatma fuad fouad
ghassan habib hadi hamad hamed hamid hamza hani hasan hassan hatem hossein hosein husain
hussain hussein husayn ibrahim imad ismail issa jafar jamal jawad kamal karim khaled khalid
laila layla mahdi mehdi mahmoud mahmud majid malik mansour marwan maryam mohamed mohammad
mohammed muhammad mostafa mustafa nabil nader nasser nour omar osama qasem qassem rashid reza
saad saeed said salah salim salem sami samir sayed sayyed shadi suleiman sultan tarek tariq
walid idriss idris mahamat yahya yasser yasin youssef yusuf zahra zaid ziad ziyad ahmet ayse
emine fatih hakan kemal bagher baqer baqir hamdan latif gholam ghulam
mehmet mustafa recep tayyip yusuf adam alex alexander andrew anna anne antony benjamin charles
chris daniel david edward elizabeth emma emmanuel frank george grace henry isaac jacob james
jean john jordan joseph joy julia kevin lee louis luke maria marie mark martin mary matthew
michael nicolas olivia paul peter philip pierre robert samuel sarah simon stephen thomas victor
william marc christian henri francois jacques michel andre alain eric patrice olivier laurent
denis felix faustin
""") | _words("""
abdelaziz abdulaziz abdelkader abdelkarim abdelmalek abdulmalik abdelhamid abdulhamid abdelrahman
abdulrahman abderrahmane abdelfattah abdulfattah abdelmajid abdelmadjid abdulla abdallahi
abdou abdoul abdi abdirahman abdullahi abubakar aboubakar adnan afif ahmadi akram alaa aladdin
amer amr anas antar aref arif asaad asad asif atef atif ayoub ayub azzam badr bakr baker bandar
basel basil bashir bechir boutros daoud dawood dawud ehsan elias elie emad eyad fadel fadl
fahad faisal fakhri farouk faruq fathi fawaz fawzi fayez feras firas gamal gebran ghaleb ghazi
habibullah hafez hafiz haitham hakim halim hamada hamdi hani haroun harun hasib hatim haytham
hazem hikmat hisham hosni ibrahima idrees ihsan ilyas imran iqbal isa issam iyad izzat jaber
jafaar jaafar jalal jamil jassim jassem jasem jasim javad jawad jihad joseph kadhim kazem kareem
karam kassem
khairat khalaf khalil lotfi luay maher mahmood majed makram mamdouh mansoor marouane marwan
masoud massoud mazen mehdi moein moeen maeen mohsen mohammed mokhtar moktar monir mostafa
mounir moussa muhsin muneer munir murad mourad musa mustafa nabih nadim naguib najib naji nawaf
nawaz nazir nizar noor nour nouri nuri obaid obeid obaidullah omer osman othman qadir qais
qasim rafik rafiq raed ragab rajab ramadan ramzi rami ramzan rashad raouf raed riad riyad
rifaat saber sabri sadeq sadiq sadek saddam saeb safwat saif sajjad salman samer samih sardar
saud sayf seif shafik shafiq shakib sharif sherif shoukri shukri sobhi suhail suhayl tahir
salih
taher talal tamer tamim tarik tawfik tawfiq thamer turki usama usman wael waleed wasim yaqub
yacoub yaser yasir younes younis yousef yousif youssouf younous zakaria zakariya zaki zayed
zuhair zoheir
abolfazl afshin alireza amin arash babak behrouz bijan dariush ebrahim esmaeil farhad
farshad gholamreza hamidreza hassan hojjat hossein jafar javad kamran kiumars majid masoud
mehdi mohsen morteza nasrollah parviz reza rouhollah saeed sadegh shahram yadollah
abdul atta bilal ghulam gulbuddin habib hamid hekmat hikmatullah ismail jalaluddin khalilullah
naqibullah nurullah rahmatullah sirajuddin zabihullah zalmay amrullah haneef hanif
ahmet ali arslan bulent burak cem emre erdal hulusi ibrahim kemal mevlut murat nihat omer ozgur
selahattin suleyman tayyip yildirim
shahid shaheed wahid waheed javed pervez parvez zulfikar zulfiqar aslam shahbaz shaukat
mushtaq ishaq nadeem naveed zahid amjad junaid tanvir
hassan mahamat idriss ibrahim issa oumar moussa boubacar mamadou amadou seydou modibo
antoine bachir camille charbel elias emile fouad gebran georges joseph khalil michel nabih najib
pierre raymond rafic sami samir sleiman suleiman walid wadih ziad
safi samy jawdat fahed ossama oussama oussema muath mouath moaz muadh maaz lamine amine
hamadi chokri moncef mongi hedi taieb tayeb slim kamel kamil lakhdar larbi rachid nadir nacer
tahar toufik yacine yassine hichem hicham driss abdelilah aissa boualem smail mustapha
moustapha moustafa mostapha abdellatif abdeslam abdesslam noureddine nasreddine djamel brahim
siraj yaqub yacoub mahaman mahamane mahamadou mohamadou
sabir najm najim najem khodr khidr khader khadr ghanim ghanem
""")


def ambiguity(folded: str) -> str | None:
    """Why one folded token is ambiguous as a whole mention, or ``None``."""
    if folded in GIVEN_NAMES:
        return "a common given name"
    if folded in COMMON_WORDS:
        return "a common word"
    return None
