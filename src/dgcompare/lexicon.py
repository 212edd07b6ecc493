"""Word lists for :mod:`dgcompare.text`: stopwords, synonyms folded into concepts, French to English.

The vocabulary is that of digital-government standards in general, not of any one catalog: it is what
lets a user's own file, worded its own way, meet the built-in sets. Keys are lowercase and without
accents (see :func:`dgcompare.text.fold`).
"""

from __future__ import annotations

import re

EN_STOPWORDS = frozenset(
    ["a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "let", "like", "made", "make", "makes", "making", "many", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "put", "rather", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "way", "ways", "able", "ensure", "sure", "get", "gets", "getting", "keep", "keeps", "kept", "give", "given", "thing", "things", "something", "anything", "everything", "new", "well", "including", "include", "includes", "etc", "eg", "ie", "wherever", "whenever", "possible", "possibly", "appropriate", "necessary", "help", "helps", "helping", "clear", "right", "better", "best", "good", "address", "addresses", "addressing", "across", "around", "always", "already", "use", "used", "uses", "using"]
)
"""English function words, and verbs that every principle uses ('make', 'ensure') and so tell nothing."""

FR_STOPWORDS = frozenset(
    ["a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "comme", "dans", "de", "des", "du", "elle", "elles", "en", "entre", "est", "et", "etre", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "mais", "meme", "mes", "moi", "mon", "ne", "ni", "nos", "notre", "nous", "on", "ou", "par", "pas", "peu", "plus", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses", "si", "son", "sont", "sur", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une", "vos", "votre", "vous", "y", "afin", "ainsi", "alors", "aussi", "autre", "autres", "avant", "apres", "cela", "celle", "celles", "celui", "ceux", "chaque", "chez", "ci", "dont", "donc", "deja", "encore", "ici", "ils", "jamais", "lors", "lorsque", "nos", "ont", "peut", "peuvent", "puis", "quand", "quel", "quelle", "quelles", "quels", "sera", "seront", "soit", "leurs", "toujours", "faire", "fait", "font", "faut", "doit", "doivent", "veiller", "assurer", "mettre", "matiere", "egard", "possible", "possibles", "necessaire", "necessaires", "cas", "rendre"]
)

_USER = "user"
CONCEPTS: dict[str, str] = {
    # people served
    **dict.fromkeys(
        ["user", "users", "citizen", "citizens", "customer", "customers", "resident", "residents", "people", "person", "persons", "individual", "individuals", "client", "clients", "end-user", "end-users", "businesses", "audience", "everyone"],
        _USER,
    ),
    # understanding
    **dict.fromkeys(["understand", "understanding", "know", "knowing", "learn", "learning", "insight", "insights"], "understand"),
    "research": "research",
    "need": "need",
    "needs": "need",
    "needed": "need",
    "requirements": "need",
    # security and privacy
    **dict.fromkeys(
        ["secure", "security", "securely", "safe", "safety", "safeguard", "safeguards", "cyber", "cybersecurity", "threat", "threats", "attack", "attacks", "vulnerability", "vulnerabilities", "fraud"],
        "security",
    ),
    **dict.fromkeys(["privacy", "private", "confidential", "confidentiality", "gdpr"], "privacy"),
    **dict.fromkeys(["protect", "protects", "protected", "protecting", "protection"], "protect"),
    # accessibility and inclusion
    **dict.fromkeys(
        ["accessible", "accessibility", "disability", "disabilities", "disabled", "impairment", "impairments", "wcag"],
        "accessibility",
    ),
    **dict.fromkeys(
        ["inclusive", "inclusion", "include", "excluded", "exclusion", "equitable", "equity", "everyone", "nobody"], "inclusion"
    ),
    # delivery
    **dict.fromkeys(
        ["agile", "iterate", "iterative", "iteratively", "iteration", "iterations", "iterating", "incremental", "increments", "incrementally"],
        "iterate",
    ),
    **dict.fromkeys(["improve", "improves", "improving", "improvement", "improvements", "refine", "refining"], "improve"),
    **dict.fromkeys(["team", "teams", "squad", "squads"], "team"),
    **dict.fromkeys(
        ["multidisciplinary", "multi-disciplinary", "interdisciplinary", "cross-functional", "pluridisciplinary"],
        "multidisciplinary",
    ),
    **dict.fromkeys(["staff", "employees", "workforce", "personnel", "workers", "officials"], "staff"),
    **dict.fromkeys(
        ["skill", "skills", "capability", "capabilities", "capacity", "talent", "expertise", "training", "competencies"], "skill"
    ),
    **dict.fromkeys(["owner", "owners", "ownership", "accountable", "accountability", "responsible"], "owner"),
    **dict.fromkeys(
        ["leader", "leaders", "leadership", "governance", "oversight", "sponsor", "sponsorship", "executive", "executives"],
        "leadership",
    ),
    # measurement
    **dict.fromkeys(
        ["measure", "measures", "measuring", "measurement", "metric", "metrics", "kpi", "kpis", "indicator", "indicators", "monitor", "monitoring", "performance", "analytics"],
        "measure",
    ),
    "success": "success",
    "outcome": "outcome",
    "outcomes": "outcome",
    "results": "outcome",
    # openness
    **dict.fromkeys(["transparent", "transparency", "transparently", "openly"], "transparent"),
    **dict.fromkeys(["publish", "publishes", "published", "publishing", "release", "releasing", "share", "sharing"], "publish"),
    **dict.fromkeys(["code", "codebase", "software"], "code"),
    **dict.fromkeys(["standard", "standards", "specification", "specifications"], "standard"),
    **dict.fromkeys(["interoperable", "interoperability", "interoperate", "integrate", "integration"], "interoperability"),
    # reuse and technology
    **dict.fromkeys(["reuse", "re-use", "reused", "reusable", "reusing"], "reuse"),
    **dict.fromkeys(["platform", "platforms", "component", "components", "building-blocks"], "platform"),
    **dict.fromkeys(["common", "shared"], "common"),
    **dict.fromkeys(["tool", "tools", "technology", "technologies", "tech", "stack", "systems", "system"], "technology"),
    **dict.fromkeys(["cloud", "hosting", "hosted"], "cloud"),
    **dict.fromkeys(["vendor", "vendors", "lock-in", "lockin", "proprietary"], "vendor"),
    # design
    **dict.fromkeys(["simple", "simplicity", "simplify", "simpler", "easy", "easier", "ease", "intuitive", "straightforward"], "simple"),
    **dict.fromkeys(["consistent", "consistency", "uniform", "coherent"], "consistent"),
    **dict.fromkeys(["design", "designing", "designed"], "design"),
    # channels
    **dict.fromkeys(
        ["channel", "channels", "offline", "non-digital", "telephone", "phone", "face-to-face", "in-person", "counter", "assisted", "omnichannel", "paper"],
        "channel",
    ),
    # quality
    **dict.fromkeys(["test", "tests", "testing", "tested", "trial", "trials", "prototype", "prototypes", "pilot", "pilots"], "test"),
    **dict.fromkeys(
        ["reliable", "reliability", "availability", "available", "uptime", "resilient", "resilience", "downtime", "outage", "outages"],
        "reliable",
    ),
    # commercial
    **dict.fromkeys(
        ["procure", "procurement", "purchasing", "purchase", "buy", "buying", "contract", "contracts", "contracting", "sourcing", "supplier", "suppliers", "acquisition"],
        "procure",
    ),
    **dict.fromkeys(["cost", "costs", "budget", "budgets", "funding", "fund", "money", "spending", "value"], "cost"),
    # ethics, law and trust
    **dict.fromkeys(["ethic", "ethics", "ethical", "ethically", "fairness", "fair", "bias", "biased"], "ethics"),
    "trust": "trust",
    "trusted": "trust",
    "trustworthy": "trust",
    **dict.fromkeys(["law", "laws", "legislation", "legislative", "legal", "regulation", "regulations", "regulatory", "rules"], "law"),
    **dict.fromkeys(
        ["collaborate", "collaboration", "collaborative", "cooperate", "cooperation", "co-operation", "partner", "partners", "partnership", "partnerships"],
        "collaborate",
    ),
    **dict.fromkeys(["engage", "engagement", "participate", "participation", "consult", "consultation", "involve"], "engage"),
    **dict.fromkeys(["complaint", "complaints", "redress", "appeal", "appeals", "remedy"], "redress"),
    **dict.fromkeys(["burden", "burdens", "red-tape", "paperwork"], "burden"),
    **dict.fromkeys(["sustainable", "sustainability", "environmental", "environment", "carbon", "energy"], "sustainability"),
    **dict.fromkeys(["innovate", "innovation", "innovative", "emerging", "experiment", "experimentation"], "innovation"),
    **dict.fromkeys(["data", "dataset", "datasets"], "data"),
    "information": "information",
    **dict.fromkeys(["digital", "online", "electronic", "e-government", "egovernment"], "digital"),
    **dict.fromkeys(["service", "services"], "service"),
    **dict.fromkeys(["open", "opening"], "open"),
    "default": "default",
    **dict.fromkeys(["take-up", "uptake"], "uptake"),
    **dict.fromkeys(["deliver", "delivers", "delivered", "delivering", "delivery"], "deliver"),
}
"""English words (or their stems) and the concept each expresses."""

FR_WORDS: dict[str, str] = {
    # people
    **dict.fromkeys(
        ["utilisateur", "utilisateurs", "utilisatrice", "utilisatrices", "usager", "usagers", "usagere", "usageres", "citoyen", "citoyens", "citoyenne", "citoyennes", "clients", "clientele", "population", "personnes"],
        "user",
    ),
    "entreprises": "businesses",
    "besoin": "need",
    "besoins": "need",
    **dict.fromkeys(["comprendre", "connaitre", "connaissance", "connaissez", "comprenez"], "understand"),
    **dict.fromkeys(["recherche", "recherches"], "research"),
    # security, privacy
    **dict.fromkeys(
        ["securite", "securitaire", "securiser", "securise", "securisee", "securises", "cybersecurite", "menaces"], "security"
    ),
    **dict.fromkeys(["proteger", "protege", "protegee", "protection"], "protect"),
    "confidentialite": "privacy",
    **dict.fromkeys(["risque", "risques"], "risk"),
    # accessibility, inclusion
    **dict.fromkeys(["accessible", "accessibles", "accessibilite", "handicap", "handicaps"], "accessibility"),
    **dict.fromkeys(["inclusion", "inclusif", "inclusive", "inclusifs", "inclusives", "exclusion", "equite"], "inclusion"),
    # delivery
    **dict.fromkeys(
        ["agile", "agiles", "agilite", "iteratif", "iterative", "iteratives", "iteration", "iterations", "incrementale", "incrementales"],
        "iterate",
    ),
    **dict.fromkeys(["ameliorer", "amelioration", "ameliorations", "ameliore", "ameliorez", "perfectionner"], "improve"),
    **dict.fromkeys(["equipe", "equipes"], "team"),
    **dict.fromkeys(
        ["multidisciplinaire", "multidisciplinaires", "pluridisciplinaire", "pluridisciplinaires", "interdisciplinaire"],
        "multidisciplinary",
    ),
    **dict.fromkeys(["personnel", "employes", "fonctionnaires", "agents"], "staff"),
    **dict.fromkeys(["competence", "competences", "capacite", "capacites", "formation", "talents", "expertise"], "skill"),
    **dict.fromkeys(["responsable", "responsables", "responsabilite", "imputabilite", "proprietaire"], "owner"),
    **dict.fromkeys(["gouvernance", "direction", "dirigeants", "leadership"], "leadership"),
    # measurement
    **dict.fromkeys(
        ["mesurer", "mesure", "mesures", "indicateurs", "indicateur", "rendement", "performance", "performances", "suivi", "suivre"],
        "measure",
    ),
    **dict.fromkeys(["succes", "reussite"], "success"),
    **dict.fromkeys(["resultat", "resultats"], "outcome"),
    # openness
    **dict.fromkeys(["transparence", "transparent", "transparente", "transparents", "ouvertement"], "transparent"),
    **dict.fromkeys(["publier", "publication", "diffuser", "diffusion", "partager", "partage"], "publish"),
    **dict.fromkeys(["code", "logiciel", "logiciels"], "code"),
    "source": "source",
    "sources": "source",
    **dict.fromkeys(["norme", "normes", "standard", "standards"], "standard"),
    **dict.fromkeys(["interoperabilite", "interoperable", "interoperables"], "interoperability"),
    **dict.fromkeys(["ouvert", "ouverte", "ouverts", "ouvertes", "ouverture"], "open"),
    # reuse, technology
    **dict.fromkeys(
        ["reutiliser", "reutilisation", "reutilisable", "reutilisables", "mutualiser", "mutualisation", "mutualisees"], "reuse"
    ),
    **dict.fromkeys(["plateforme", "plateformes", "composant", "composants"], "platform"),
    **dict.fromkeys(["commun", "commune", "communs", "communes", "partages", "partagees"], "common"),
    **dict.fromkeys(
        ["outil", "outils", "technologie", "technologies", "technologique", "technologiques", "systeme", "systemes"], "technology"
    ),
    **dict.fromkeys(["infonuagique", "nuage"], "cloud"),
    **dict.fromkeys(["fournisseur", "fournisseurs", "dependance"], "vendor"),
    **dict.fromkeys(["solution", "solutions"], "solution"),
    # design
    **dict.fromkeys(["simple", "simples", "simplicite", "simplifier", "simplification", "facile", "faciles", "facilement"], "simple"),
    **dict.fromkeys(["coherent", "coherente", "coherents", "coherence", "uniforme"], "consistent"),
    **dict.fromkeys(["concevoir", "conception", "concu", "concus", "concues", "design"], "design"),
    # channels
    **dict.fromkeys(["canal", "canaux", "guichet", "guichets", "telephone", "comptoir", "papier"], "channel"),
    # quality
    **dict.fromkeys(
        ["tester", "test", "tests", "essai", "essais", "prototype", "prototypes", "pilote", "pilotes", "experimentation"], "test"
    ),
    **dict.fromkeys(
        ["fiable", "fiables", "fiabilite", "disponibilite", "disponible", "disponibles", "resilience", "resilient", "continuite"],
        "reliable",
    ),
    **dict.fromkeys(["exploiter", "exploitation", "fonctionnement"], "operate"),
    # commercial
    **dict.fromkeys(
        ["approvisionnement", "acheter", "achat", "achats", "marches", "contrat", "contrats", "acquisition", "acquerir"], "procure"
    ),
    **dict.fromkeys(["cout", "couts", "budget", "budgets", "financement", "valeur"], "cost"),
    # ethics, law, trust
    **dict.fromkeys(["ethique", "ethiques", "equitable", "equitables", "biais"], "ethics"),
    **dict.fromkeys(["confiance"], "trust"),
    **dict.fromkeys(
        ["loi", "lois", "legislation", "legislatif", "juridique", "juridiques", "reglementation", "reglementaire", "reglementaires", "regles"],
        "law",
    ),
    **dict.fromkeys(
        ["collaborer", "collaboration", "collaborez", "cooperation", "partenaires", "partenariat", "partenariats"], "collaborate"
    ),
    **dict.fromkeys(
        ["participation", "participer", "consultation", "consulter", "mobilisation", "mobiliser", "engagement"], "engage"
    ),
    **dict.fromkeys(["plainte", "plaintes", "recours"], "redress"),
    **dict.fromkeys(["fardeau", "lourdeur", "lourdeurs"], "burden"),
    **dict.fromkeys(
        ["durable", "durables", "durabilite", "environnement", "environnemental", "environnementale", "carbone", "energie"],
        "sustainability",
    ),
    **dict.fromkeys(["innover", "innovation", "innovations", "innovant", "innovante", "innovants"], "innovation"),
    **dict.fromkeys(["donnee", "donnees"], "data"),
    **dict.fromkeys(["renseignement", "renseignements", "information", "informations"], "information"),
    **dict.fromkeys(["numerique", "numeriques", "electronique", "electroniques", "ligne"], "digital"),
    "service": "service",
    "services": "service",
    "defaut": "default",
    # frequent verbs and nouns
    **dict.fromkeys(["utiliser", "utilisez", "utilisation"], "use"),
    **dict.fromkeys(["travailler", "travail", "travaillez"], "work"),
    **dict.fromkeys(["offrir", "fournir", "prestation", "prestations", "livrer"], "deliver"),
    **dict.fromkeys(["gerer", "gestion"], "manage"),
    **dict.fromkeys(["decision", "decisions"], "decision"),
    **dict.fromkeys(["processus", "demarche", "demarches"], "process"),
    **dict.fromkeys(["objectif", "objectifs", "but"], "goal"),
    **dict.fromkeys(["experience", "experiences"], "experience"),
    **dict.fromkeys(
        ["gouvernement", "gouvernementaux", "gouvernementale", "gouvernementales", "administration", "administrations"],
        "government",
    ),
    **dict.fromkeys(["stockage", "heberger", "hebergement"], "cloud"),
    **dict.fromkeys(["langage", "langue", "langues", "clair", "claire"], "plain"),
}
"""Folded French words and the English word or concept each translates to."""


class Phrases:
    """Rewrite many phrases in one pass: one alternation, longest phrase first, looked up in a dict."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.replacements = dict(pairs)
        ordered = sorted(self.replacements, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")

    def sub(self, text: str) -> str:
        """``text`` with every phrase replaced."""
        return self.pattern.sub(lambda m: self.replacements[m.group()], text)


def _phrases(pairs: list[tuple[str, str]]) -> Phrases:
    return Phrases(pairs)


PHRASES = _phrases(
    [
        ("personal data", "privacy data"),
        ("personal information", "privacy information"),
        ("data protection", "privacy"),
        ("source code", "code"),
        ("open source", "open code"),
        ("end-to-end", "end2end"),
        ("end to end", "end2end"),
        ("whole problem", "end2end"),
        ("joined up", "end2end"),
        ("joined-up", "end2end"),
        ("no one", "nobody"),
        ("non digital", "non-digital"),
        ("in person", "in-person"),
        ("face to face", "face-to-face"),
        ("once only", "onceonly"),
        ("once-only", "onceonly"),
        ("building blocks", "building-blocks"),
        ("red tape", "red-tape"),
        ("plain language", "plain"),
        ("plain english", "plain"),
        ("lock in", "lock-in"),
    ]
)
"""English phrases rewritten before splitting into words (applied to French text after translation too)."""

FR_PHRASES = _phrases(
    [
        ("vie privee", "privacy"),
        ("renseignements personnels", "privacy information"),
        ("donnees personnelles", "privacy data"),
        ("donnees a caractere personnel", "privacy data"),
        ("protection des donnees", "privacy"),
        ("code source", "code"),
        ("logiciel libre", "open code"),
        ("logiciels libres", "open code"),
        ("source ouverte", "open code"),
        ("sources ouvertes", "open code"),
        ("de bout en bout", "end2end"),
        ("hors ligne", "offline"),
        ("non numerique", "non-digital"),
        ("non numeriques", "non-digital"),
        ("en personne", "in-person"),
        ("une seule fois", "onceonly"),
        ("dites-le-nous une fois", "onceonly"),
        ("par defaut", "default"),
        ("en ligne", "digital"),
        ("tableau de bord", "measure"),
        ("langage clair", "plain"),
        ("langage simple", "plain"),
        ("prise de decision", "decision"),
        ("mise a l'essai", "test"),
        ("des le depart", "start"),
        ("des le debut", "start"),
        ("mettre a l'essai", "test"),
        ("a l'essai", "test"),
    ]
)
"""French phrases rewritten to English concepts before word-by-word translation."""
