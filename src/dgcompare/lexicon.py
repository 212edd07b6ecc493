"""Word lists for :mod:`dgcompare.text`: stopwords, synonyms folded into concepts, French to English.

The vocabulary is that of digital-government standards in general, not of any one catalog: it is what
lets a user's own file, worded its own way, meet the built-in sets. Keys are lowercase and without
accents (see :func:`dgcompare.text.fold`).
"""

from __future__ import annotations

import re

EN_STOPWORDS = frozenset(
    ["a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "let", "like", "made", "make", "makes", "making", "many", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "put", "rather", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "way", "ways", "able", "ensure", "sure", "get", "gets", "getting", "keep", "keeps", "kept", "give", "given", "thing", "things", "something", "anything", "everything", "new", "well", "including", "include", "included", "includes", "etc", "eg", "ie", "wherever", "whenever", "possible", "possibly", "appropriate", "necessary", "help", "helps", "helping", "clear", "right", "better", "best", "good", "address", "addresses", "addressing", "around", "always", "already", "use", "used", "uses", "using"]
)
"""English function words, and verbs that every principle uses ('make', 'ensure') and so tell nothing."""

FR_STOPWORDS = frozenset(
    ["a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "comme", "dans", "de", "des", "du", "elle", "elles", "en", "entre", "est", "et", "etre", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "mais", "meme", "mes", "moi", "mon", "ne", "ni", "nos", "notre", "nous", "on", "ou", "par", "pas", "peu", "plus", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses", "si", "son", "sont", "sur", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une", "vos", "votre", "vous", "y", "afin", "ainsi", "alors", "aussi", "autre", "autres", "avant", "apres", "cela", "celle", "celles", "celui", "ceux", "chaque", "chez", "ci", "dont", "donc", "deja", "encore", "ici", "jamais", "lors", "lorsque", "ont", "peut", "peuvent", "puis", "quand", "quel", "quelle", "quelles", "quels", "sera", "seront", "soit", "toujours", "faire", "fait", "font", "faut", "doit", "doivent", "veiller", "assurer", "mettre", "matiere", "egard", "possible", "possibles", "necessaire", "necessaires", "cas", "rendre"]
)

_USER = "user"
CONCEPTS: dict[str, str] = {
    # people served ('everyone' goes to inclusion, beside 'nobody': 'everyone can use it' means no one is left out)
    **dict.fromkeys(
        ["user", "users", "citizen", "citizens", "customer", "customers", "resident", "residents", "people", "person", "persons", "individual", "individuals", "client", "clients", "end-user", "end-users", "businesses", "audience"],
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
        ["inclusive", "inclusion", "excluded", "exclusion", "equitable", "equity", "everyone", "nobody"], "inclusion"
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
    # NOTE: "equitable" is about fair access in these texts, as in English, so it goes to inclusion.
    **dict.fromkeys(["ethique", "ethiques", "biais"], "ethics"),
    **dict.fromkeys(["equitable", "equitables"], "inclusion"),
    **dict.fromkeys(["confiance"], "trust"),
    **dict.fromkeys(
        ["loi", "lois", "legislation", "legislatif", "juridique", "juridiques", "reglementation", "reglementaire", "reglementaires", "regles"],
        "law",
    ),
    **dict.fromkeys(
        ["collaborer", "collaboration", "collaborez", "cooperation", "partenaires", "partenariat", "partenariats"], "collaborate"
    ),
    # NOTE: French "engagement" usually means a commitment, not engagement.
    **dict.fromkeys(["participation", "participer", "consultation", "consulter", "mobilisation", "mobiliser"], "engage"),
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
    **dict.fromkeys(["langage", "langue", "clair", "claire"], "plain"),
}
"""Folded French words and the English word or concept each translates to."""


# General French vocabulary of public administration, translated to English words or concepts; the entries of
# FR_WORDS above take precedence. Written for dgcompare and checked against the built-in catalog only.
_FR_GENERAL: dict[str, str] = {
    # people served: 'administres' (France) and 'internautes' mean the public a service is for
    "internaute": "user", "internautes": "user", "administre": "user", "administres": "user", "habitant": "user",
    "habitants": "user", "individu": "user", "individus": "user",
    # as FR_WORDS does 'entreprises'
    "entreprise": "businesses",
    "pme": "smes",
    "beneficiaire": "beneficiaries", "beneficiaires": "beneficiaries",
    "demandeur": "applicants", "demandeurs": "applicants",
    "autochtone": "indigenous", "autochtones": "indigenous",
    "communaute": "community", "communautes": "community",
    "collectivites": "municipalities", "municipalites": "municipalities",
    "societe": "society",
    # 'parties prenantes'; not folded into engage
    "prenantes": "stakeholders", "intervenants": "stakeholders",
    # 'compris/comprend/comprennent' left out of understand: in these texts they mostly mean 'including/includes'
    "comprehension": "understand", "connaissons": "understand", "comprenons": "understand", "cerner": "understand",
    "apprendre": "understand", "apprentissage": "understand",
    # 'y compris' = including (an English stopword)
    "compris": "including", "comprise": "including", "comprises": "including", "notamment": "including",
    "connaissances": "knowledge", "savoirs": "knowledge",
    "etudier": "study", "etude": "study", "etudes": "study",
    "analyse": "analysis", "analyses": "analysis", "analyser": "analysis",
    "chercheurs": "researchers", "chercheur": "researchers",
    "enquete": "survey", "enquetes": "survey", "sondage": "survey", "sondages": "survey",
    "retroaction": "feedback", "retroactions": "feedback", "commentaires": "feedback",
    "attentes": "expectations",
    # 'exigences' = requirements, which CONCEPTS folds into need
    "exigence": "need", "exigences": "need",
    "exiger": "require", "exige": "require", "exigent": "require", "requis": "require", "requise": "require",
    "requises": "require",
    "problematique": "problem", "problematiques": "problem",
    "defis": "challenges", "enjeux": "challenges",
    # 'parcours usager' = user journey
    "parcours": "journey",
    "evenements": "events",
    # 'vie privee' is a phrase already; alone: 'cycle de vie', 'evenements de vie'
    "vie": "life",
    # 'donnees probantes' = evidence
    "probante": "evidence", "probantes": "evidence", "probants": "evidence", "preuve": "evidence",
    "preuves": "evidence",
    "hypotheses": "assumptions", "suppositions": "assumptions",
    "idee": "ideas", "idees": "ideas",
    "concoit": "design", "concoivent": "design", "concue": "design", "concevez": "design", "concevons": "design",
    "conceptions": "design",
    "refonte": "redesign", "repenser": "redesign",
    "developper": "develop", "developpee": "develop", "developpent": "develop", "elaborer": "develop",
    "elabore": "develop", "elaboree": "develop", "elaboration": "develop",
    "developpeurs": "developers",
    "creer": "create", "cree": "create", "creee": "create", "crees": "create",
    "construire": "build", "construit": "build", "construite": "build", "construction": "build", "batir": "build",
    # 'centre(e)s sur l'usager' = user-centred
    "centree": "centred",
    "axee": "focused", "axees": "focused", "orientee": "focused", "orientees": "focused", "oriente": "focused",
    "orientes": "focused",
    # 'convivial' (user-friendly) and 'comprehensible' (easy to understand) read as 'simple'
    "simplifie": "simple", "simplifiee": "simple", "simplifiees": "simple", "simplifient": "simple",
    "simplifions": "simple", "simplifiez": "simple", "simplifications": "simple", "simplement": "simple",
    "intuitif": "simple", "intuitifs": "simple", "intuitives": "simple", "aisement": "simple", "convivial": "simple",
    "conviviale": "simple", "conviviaux": "simple", "convivialite": "simple", "comprehensible": "simple",
    "comprehensibles": "simple",
    "complexite": "complex", "complique": "complex", "compliquee": "complex",
    "utilisable": "usable", "utilisables": "usable", "ergonomique": "usable",
    "utilisabilite": "usability", "ergonomie": "usability",
    # 'lisible par machine' = machine-readable
    "lisible": "readable", "lisibles": "readable",
    "lisibilite": "readability",
    # 'harmoniser' = make consistent across services
    "uniformite": "consistent", "uniformiser": "consistent", "homogene": "consistent", "harmoniser": "consistent",
    "harmonise": "consistent", "harmonisee": "consistent", "harmonises": "consistent", "harmonisees": "consistent",
    "harmonisation": "consistent",
    "fluide": "seamless", "fluides": "seamless", "fluidite": "seamless",
    "personnaliser": "personalized", "personnalise": "personalized", "personnalisee": "personalized",
    "personnalises": "personalized", "personnalisation": "personalized",
    "proactif": "proactive", "proactifs": "proactive",
    "automatique": "automatic", "automatiques": "automatic", "automatiquement": "automatic",
    "rapide": "fast", "rapides": "fast", "rapidement": "fast",
    "maquette": "prototype", "maquettes": "prototype", "prototypage": "prototype", "prototyper": "prototype",
    "iterer": "iterate", "iteratifs": "iterate", "iterativement": "iterate", "incrementaux": "iterate",
    "incrementiel": "iterate", "incrementielle": "iterate", "increment": "iterate",
    "amelioree": "improve", "ameliores": "improve", "ameliorees": "improve", "ameliorent": "improve",
    "ameliorons": "improve", "ameliorant": "improve",
    # 'continue' is the adjective here ('amelioration continue'); 'sans cesse' -> continuous
    "continu": "continuous", "continue": "continuous", "continus": "continuous", "continues": "continuous",
    "continuellement": "continuous", "constamment": "continuous", "cesse": "continuous",
    # 'effectuer regulierement des iterations' = iterate frequently
    "regulierement": "frequently", "reguliere": "frequently", "regulier": "frequently", "reguliers": "frequently",
    "regulieres": "frequently", "frequemment": "frequently",
    "evoluer": "evolve", "evolue": "evolve", "evoluent": "evolve", "evolution": "evolve", "evolutions": "evolve",
    "evolutif": "evolve", "evolutive": "evolve",
    "adapter": "adapt", "adaptee": "adapt", "adaptation": "adapt", "adaptable": "adapt",
    "petit": "small", "petite": "small", "petits": "small", "petites": "small",
    "etape": "steps", "etapes": "steps",
    "echelle": "scale",
    "amont": "early", "precoce": "early",
    "commencer": "start", "demarrer": "start", "demarrage": "start", "depart": "start", "debut": "start",
    "deployer": "deploy", "deploiement": "deploy", "deploiements": "deploy",
    # 'mise en œuvre'
    "oeuvre": "implementation", "implanter": "implementation",
    "implantation": "implementation",
    "oeuvrer": "work", "travaille": "work", "travaillent": "work", "travaillons": "work",
    "fonctionne": "work", "fonctionnent": "work",
    # 'mise en place/en œuvre': dropped as the English stopword 'put'
    "mise": "put", "mises": "put", "mis": "put",
    "moderniser": "modernize",
    "transformer": "transform",
    # 'salaries' is French 'salaries' (employees); 'agent' singular as FR_WORDS does 'agents'
    "fonctionnaire": "staff", "employe": "staff", "employee": "staff", "agent": "staff", "salaries": "staff",
    "effectifs": "staff",
    # France uses 'collaborateurs' for colleagues
    "collaborateurs": "colleagues", "collegues": "colleagues",
    "membres": "members",
    "gestionnaire": "managers", "gestionnaires": "managers",
    # 'habiletes' (Quebec) = skills
    "formations": "skill", "savoir-faire": "skill", "habiletes": "skill",
    "specialistes": "experts",
    "recruter": "recruit", "recrutement": "recruit", "embaucher": "recruit", "embauche": "recruit",
    "renforcer": "strengthen", "renforcement": "strengthen",
    "autonomiser": "empower", "habiliter": "empower",
    # 'reddition de comptes' = accountability
    "responsabilites": "owner", "imputable": "owner", "imputables": "owner", "redevable": "owner",
    "redevables": "owner", "redevabilite": "owner", "reddition": "owner", "responsabiliser": "owner",
    "responsabilisation": "owner",
    # 'pilotage' (steering) = governance; 'supervision' = oversight, both leadership in CONCEPTS
    "dirigeant": "leadership", "dirigeante": "leadership", "pilotage": "leadership", "parrainage": "leadership",
    "supervision": "leadership",
    # 'piloter un projet' = manage it (FR_WORDS 'pilote' stays 'test')
    "gere": "manage", "geree": "manage", "geres": "manage", "gerees": "manage", "gerent": "manage",
    "piloter": "manage",
    "decideurs": "decision", "decider": "decision", "decisionnel": "decision", "decisionnelle": "decision",
    "decisionnels": "decision", "decisionnelles": "decision",
    "produit": "product", "produits": "product",
    "projet": "project", "projets": "project",
    # 'cadre' is nearly always 'framework' here ('cadre de reference')
    "cadre": "framework", "cadres": "framework",
    # 'sure/sures/surs' are folded 'sûre/sûres/sûrs' (safe); 'chiffrement' = encryption
    "securisees": "security", "securisent": "security", "securitaires": "security", "cybermenace": "security",
    "cybermenaces": "security", "menace": "security", "attaque": "security", "attaques": "security",
    "cyberattaque": "security", "cyberattaques": "security", "vulnerabilite": "security",
    "vulnerabilites": "security", "piratage": "security", "intrusion": "security", "intrusions": "security",
    "malveillant": "security", "malveillants": "security", "sure": "security", "sures": "security",
    "surs": "security", "surete": "security", "chiffrement": "security", "chiffrer": "security",
    "chiffrees": "security", "cryptage": "security",
    "sauvegarder": "safeguard", "preserver": "safeguard",
    # in IT 'sauvegarde' is a backup
    "sauvegarde": "backup", "sauvegardes": "backup",
    # 'personnelle(s)' left after the phrases ('informations personnelles') is about personal data
    "confidentiel": "privacy", "confidentielle": "privacy", "confidentiels": "privacy", "confidentielles": "privacy",
    "intimite": "privacy", "rgpd": "privacy", "personnelle": "privacy", "personnelles": "privacy",
    "anonymiser": "privacy", "anonymisation": "privacy", "anonymisees": "privacy", "anonymes": "privacy",
    "pseudonymisation": "privacy",
    "protegees": "protect", "proteges": "protect", "protegent": "protect",
    "authentification": "authentication", "authentifier": "authentication",
    "identite": "identity",
    # 'renseignements de nature delicate' (Canada)
    "sensible": "sensitive", "sensibles": "sensitive", "delicate": "sensitive", "delicates": "sensitive",
    "prevenir": "prevent", "prevention": "prevent",
    "handicape": "accessibility", "handicapee": "accessibility", "handicapes": "accessibility",
    "handicapees": "accessibility", "incapacite": "accessibility", "incapacites": "accessibility",
    "deficience": "accessibility", "deficiences": "accessibility", "rgaa": "accessibility",
    "inaccessible": "accessibility", "inaccessibles": "accessibility", "malvoyants": "accessibility",
    "malentendants": "accessibility",
    # 'illectronisme' (France) = digital exclusion
    "exclus": "excluded", "exclue": "excluded", "exclues": "excluded", "exclure": "excluded",
    "illectronisme": "excluded",
    # dropped, like English 'include'
    "inclure": "include", "inclut": "include", "incluent": "include", "inclus": "include", "incluse": "include",
    # 'fracture numerique' = digital divide
    "fracture": "divide",
    "diversite": "diversity",
    "egal": "equal", "egale": "equal", "egaux": "equal", "egalite": "equal",
    "universel": "universal", "universelle": "universal", "universellement": "universal",
    # 'fairly' stems to 'fair', which CONCEPTS folds into ethics
    "equitablement": "fairly",
    "inclusivite": "inclusion",
    # 'icp' = indicateurs cles de performance; 'surveillance' left out ('surveillance de masse')
    "mesurable": "measure", "mesurables": "measure", "mesurent": "measure", "mesuree": "measure",
    "mesurees": "measure", "metrique": "measure", "metriques": "measure", "surveiller": "measure",
    "surveille": "measure", "analytique": "measure", "analytiques": "measure", "icp": "measure", "suivis": "measure",
    "suivie": "measure",
    "evaluer": "evaluate", "evalue": "evaluate", "evaluee": "evaluate", "evaluent": "evaluate", "evaluez": "evaluate",
    "statistiques": "statistics",
    "rapport": "report", "rapports": "report", "signaler": "report",
    "performant": "efficient", "performante": "efficient", "performants": "efficient", "efficience": "efficient",
    "efficace": "effective", "efficaces": "effective", "efficacement": "effective", "efficacite": "effective",
    "cible": "target", "cibles": "target", "cibler": "target",
    "incidence": "impact", "retombees": "impact",
    "benefices": "benefits", "avantages": "benefits",
    "reussir": "success", "reussi": "success", "reussie": "success", "reussites": "success",
    "extrants": "outputs",
    "qualite": "quality",
    "verifier": "verify", "verification": "verify",
    "valider": "validate", "valide": "validate", "validee": "validate",
    "publie": "publish", "publiee": "publish", "publies": "publish", "publiees": "publish", "publient": "publish",
    "publications": "publish", "publiez": "publish", "diffuse": "publish", "diffusee": "publish",
    "diffuses": "publish", "diffusees": "publish", "partagent": "publish", "partagez": "publish",
    "divulgation": "disclosure",
    # 'libre(s)' outside the phrases: 'formats libres', 'donnees libres'
    "ouvrir": "open", "libre": "open", "libres": "open",
    "gratuit": "free", "gratuite": "free", "gratuitement": "free",
    # 'solutions logicielles' = software
    "logicielle": "code", "logicielles": "code", "progiciel": "code", "progiciels": "code",
    # 'referentiel' (RGAA, RGI) is a standard
    "referentiel": "standard", "referentiels": "standard",
    # kept apart from 'standard': the taxonomy's keyword 'normalisation' would otherwise fire on every 'standard'
    "normalise": "standardized", "normalisee": "standardized", "normalises": "standardized",
    "normalisees": "standardized", "normalisation": "standardized", "normaliser": "standardized",
    "conforme": "compliance", "conformes": "compliance", "conformite": "compliance",
    "pratique": "practices", "pratiques": "practices",
    # 'pratiques exemplaires' = best practices (English stopword)
    "exemplaires": "best",
    "directrices": "guidelines",
    # 'principes directeurs'
    "directeurs": "guiding",
    "orientation": "guidance", "orientations": "guidance",
    "principe": "principle", "principes": "principle",
    "politique": "policy", "politiques": "policy",
    "strategie": "strategy", "strategique": "strategy",
    # 'feuille de route'
    "feuille": "roadmap",
    "methodologie": "method",
    "approche": "approach", "approches": "approach",
    "documenter": "document", "documentation": "document",
    "expliquer": "explain", "explication": "explain", "explications": "explain",
    "explicable": "explainable", "explicables": "explainable",
    "explicabilite": "explainability",
    # 'ressources informationnelles' (Quebec) = information resources
    "informationnelle": "information", "informationnelles": "information",
    "interconnexion": "interoperability", "interconnexions": "interoperability",
    # 'integrer l'accessibilite des le depart' = build in accessibility from the start: kept off 'integrate'
    # (interoperability in CONCEPTS)
    "integrer": "build", "integre": "build", "integree": "build", "integrees": "build", "integrent": "build",
    "connecter": "connect", "relier": "connect",
    "echanger": "exchange", "echange": "exchange", "echanges": "exchange",
    "reutilise": "reuse", "reutilisee": "reuse", "reutilises": "reuse", "reutilisees": "reuse",
    "reutilisant": "reuse", "reutilisons": "reuse", "reutilisent": "reuse", "reemploi": "reuse", "mutualise": "reuse",
    "mutualisee": "reuse", "mutualises": "reuse",
    "existant": "existing", "existante": "existing", "existants": "existing", "existantes": "existing",
    "doublons": "duplication",
    # 'briques logicielles' = building blocks
    "composante": "platform", "composantes": "platform", "brique": "platform", "briques": "platform",
    "socle": "foundation",
    "modulaire": "modular", "modulaires": "modular",
    # 'TI' = IT in Canadian French
    "informatique": "technology", "informatiques": "technology", "ti": "technology",
    # 'dematerialisation' (France) = moving procedures online
    "numeriquement": "digital", "numeriser": "digital", "numerisation": "digital", "dematerialisation": "digital",
    "dematerialiser": "digital", "dematerialisees": "digital", "teleservice": "digital", "teleservices": "digital",
    "cyberadministration": "digital", "e-gouvernement": "digital",
    "infonuagiques": "cloud", "heberge": "cloud", "hebergee": "cloud", "heberges": "cloud", "hebergees": "cloud",
    # 'systemes patrimoniaux' = legacy systems (Quebec, Canada)
    "patrimonial": "legacy", "patrimoniaux": "legacy", "patrimoniales": "legacy",
    # as FR_WORDS does 'exploiter'
    "exploite": "operate", "exploitee": "operate", "exploitent": "operate", "exploitees": "operate",
    "operationnel": "operate", "operationnelle": "operate", "operationnels": "operate", "operationnelles": "operate",
    # 'entretien' in IT = maintenance
    "maintenir": "maintain", "maintien": "maintain", "maintenance": "maintain", "entretien": "maintain",
    "appareil": "devices", "appareils": "devices", "terminaux": "devices",
    "courriel": "email", "courriels": "email",
    "portail": "portal", "portails": "portal",
    "fonctionnalites": "features",
    "ia": "ai",
    "artificielle": "artificial",
    "algorithmique": "algorithm", "algorithmiques": "algorithm",
    "automatiser": "automated", "automatise": "automated", "automatisee": "automated", "automatises": "automated",
    "automatisees": "automated", "automatisation": "automated",
    "traitement": "processing", "traitements": "processing",
    "traiter": "handle", "traitent": "handle",
    "actualiser": "update",
    # plain 'access', not accessibility
    "acces": "access", "acceder": "access",
    "souverainete": "sovereignty",
    "portabilite": "portability", "reversibilite": "portability",
    "independance": "independence",
    # 'perennite' (long-term viability) -> 'sustainable', as an English text would say
    "perenne": "sustainable", "perennes": "sustainable", "perennite": "sustainable",
    # 'jeux de donnees'
    "jeux": "dataset",
    "metadonnees": "metadata",
    # 'presentiel' = in person
    "multicanal": "channel", "omnicanal": "channel", "omnicanalite": "channel", "telephonique": "channel",
    "telephoniques": "channel", "telephones": "channel", "comptoirs": "channel", "presentiel": "channel",
    "presentielle": "channel",
    "accompagnement": "support", "accompagnements": "support", "accompagner": "support", "accompagne": "support",
    "accompagnee": "support", "accompagnes": "support", "soutien": "support", "soutenir": "support",
    "soutient": "support", "appui": "support", "assistance": "support",
    "courrier": "mail", "postal": "mail",
    "formulaire": "forms", "formulaires": "forms",
    "paiement": "payment", "paiements": "payment",
    "demande": "requests", "demandes": "requests",
    "demander": "ask",
    # as FR_WORDS does 'offrir', 'fournir'
    "offre": "deliver", "offrent": "deliver", "offert": "deliver", "offerte": "deliver", "offerts": "deliver",
    "offertes": "deliver", "fournit": "deliver", "fournissent": "deliver", "fourni": "deliver", "fournie": "deliver",
    "fournis": "deliver", "fournies": "deliver", "livraison": "deliver",
    "servir": "serve", "servies": "serve",
    # 'repondre aux besoins' = meet needs
    "repondre": "meet", "repond": "meet", "repondent": "meet",
    # 'commande publique' = public procurement; 'soumissions' = bids (Quebec)
    "approvisionnements": "procure", "commande": "procure", "contractuel": "procure", "contractuelle": "procure",
    "soumissions": "procure",
    "prestataire": "suppliers", "prestataires": "suppliers", "sous-traitant": "suppliers",
    "sous-traitants": "suppliers",
    "sous-traitance": "outsourcing", "externalisation": "outsourcing", "impartition": "outsourcing",
    # 'enfermement proprietaire' = vendor lock-in
    "enfermement": "lock-in", "verrouillage": "lock-in",
    # plural mostly 'logiciels/formats proprietaires'; singular stays 'owner' as in FR_WORDS
    "proprietaires": "proprietary",
    "concurrence": "competition",
    # 'deniers publics' = public money
    "couteux": "cost", "couteuse": "cost", "depense": "cost", "depenses": "cost", "budgetaire": "cost",
    "budgetaires": "cost", "argent": "cost", "deniers": "cost", "fonds": "cost", "financer": "cost",
    "finances": "cost", "rentable": "cost", "rentabilite": "cost",
    "financier": "financial", "financiere": "financial", "financiers": "financial", "financieres": "financial",
    "economies": "savings",
    "economique": "economic", "economiques": "economic",
    "investir": "investment", "investissement": "investment", "investissements": "investment",
    "ressource": "resources", "ressources": "resources",
    # moral values; singular 'valeur' stays 'cost' (value for money) in FR_WORDS
    "valeurs": "values",
    # 'de facon juste et equitable' = fair
    "ethiquement": "ethics", "deontologie": "ethics", "deontologique": "ethics", "biaise": "ethics",
    "biaisee": "ethics", "biaises": "ethics", "juste": "ethics", "justes": "ethics",
    "discriminatoire": "discrimination", "discriminatoires": "discrimination",
    "humain": "human", "humaine": "human", "humains": "human", "humaines": "human",
    "droits": "rights",
    "legaux": "law", "legislatives": "law", "legislatifs": "law", "reglement": "law", "reglements": "law",
    "reglementations": "law", "decret": "law", "decrets": "law", "juridiquement": "law", "regle": "law",
    "obligatoire": "obligation", "obligatoires": "obligation",
    "equilibree": "balanced", "equilibre": "balanced",
    "proportionnee": "proportionate", "proportionnees": "proportionate", "proportionnes": "proportionate",
    "proportionnelle": "proportionate",
    "collaborent": "collaborate", "collaborons": "collaborate", "collaboratif": "collaborate",
    "collaboratifs": "collaborate", "collaboratives": "collaborate", "cooperer": "collaborate",
    "partenaire": "collaborate", "conjointement": "collaborate", "collaborations": "collaborate",
    # 'associer/impliquer les usagers' = involve ('implication' is a false friend: involvement); participles
    # 'associe(s)' left out ('risques associes'). Co-design / co-construction / co-creation go here, as in the
    # taxonomy's participation theme
    "participent": "engage", "participatif": "engage", "participative": "engage", "participez": "engage",
    "consultee": "engage", "consultations": "engage", "mobilise": "engage", "mobilisee": "engage",
    "mobilises": "engage", "associer": "engage", "impliquer": "engage", "implication": "engage",
    "concertation": "engage", "coconception": "engage", "co-conception": "engage", "co-concevoir": "engage",
    "codesign": "engage", "co-design": "engage", "coconstruction": "engage", "co-construction": "engage",
    "co-construire": "engage", "cocreation": "engage", "co-creation": "engage",
    "ecouter": "listen", "ecoute": "listen",
    # 's'engager' = commit (false friend)
    "engager": "commit", "engagent": "commit",
    "engagements": "commitments",
    "ministere": "departments", "ministeres": "departments", "ministeriel": "departments",
    "ministerielle": "departments", "ministeriels": "departments", "ministerielles": "departments",
    "agence": "agencies", "agences": "agencies", "organisme": "agencies", "organismes": "agencies",
    "organisation": "organizations", "organisations": "organizations", "organisationnel": "organizations",
    "organisationnelle": "organizations",
    # 'ordres de gouvernement' = levels
    "ordres": "levels", "paliers": "levels", "niveaux": "levels", "niveau": "levels",
    "secteur": "sector", "secteurs": "sector",
    "reseau": "network", "reseaux": "network",
    # 'transversal' = cross-cutting / cross-government; 'cross' meets the English hyphenated words' first half
    "transversal": "cross", "transversale": "cross", "transversaux": "cross", "transversales": "cross",
    "interministeriel": "interdepartmental", "interministerielle": "interdepartmental",
    "coordonner": "coordinate",
    "reclamation": "redress", "reclamations": "redress", "contester": "redress", "contestation": "redress",
    "reparation": "redress", "ombudsman": "redress",
    # 'allegement administratif' (Quebec) = burden reduction; 'formalites' = paperwork
    "fardeaux": "burden", "allegement": "burden", "alleger": "burden", "alourdir": "burden", "paperasse": "burden",
    "paperasserie": "burden", "formalites": "burden", "lourd": "burden", "lourde": "burden", "lourdes": "burden",
    "lourds": "burden",
    "erreur": "errors", "erreurs": "errors",
    "reduire": "reduce", "reduit": "reduce", "reduction": "reduce",
    "augmenter": "increase", "accroitre": "increase",
    "eviter": "avoid", "evitant": "avoid", "evitez": "avoid",
    # 'une seule fois' is a phrase already; alone 'fois' is filler (English stopword 'once')
    "fois": "once",
    # 'sobriete numerique' = frugal (sustainable) digital
    "environnementales": "sustainability", "environnementaux": "sustainability", "ecologique": "sustainability",
    "ecologiques": "sustainability", "ecoconception": "sustainability", "eco-conception": "sustainability",
    "sobriete": "sustainability", "climat": "sustainability", "climatique": "sustainability",
    "climatiques": "sustainability", "energetique": "sustainability", "energetiques": "sustainability",
    "frugalite": "sustainability",
    "empreinte": "footprint",
    "vert": "green", "verte": "green", "verts": "green", "vertes": "green",
    "innove": "innovation", "innovantes": "innovation", "innovateur": "innovation", "innovateurs": "innovation",
    "emergent": "innovation", "emergente": "innovation", "emergents": "innovation", "emergentes": "innovation",
    # follows FR_WORDS 'experimentation' -> test
    "testee": "test", "testent": "test", "testez": "test", "experimenter": "test", "experimente": "test",
    "experimentations": "test",
    # 'panne' = outage
    "panne": "reliable", "pannes": "reliable", "interruption": "reliable", "interruptions": "reliable",
    # 'l'Etat' = government
    "etat": "government", "gouvernements": "government", "gouvernemental": "government",
    "publique": "public", "publiques": "public",
    "federaux": "federal",
    "provinciaux": "provincial",
    "administratif": "administrative", "administratifs": "administrative",
    "permettre": "enable", "permet": "enable", "permettent": "enable", "permettant": "enable",
    # 'encourager' left alone: a theme keyword ('encourager l'utilisation')
    "favoriser": "foster", "favorise": "foster", "favorisent": "foster",
    "promouvoir": "promote",
    "prioriser": "priority", "priorite": "priority", "priorites": "priority", "prioritaire": "priority",
    "prioritaires": "priority", "privilegier": "priority", "privilegiez": "priority",
    "definir": "define", "defini": "define", "definie": "define", "definis": "define", "definies": "define",
    "identifier": "identify", "identifie": "identify", "identifient": "identify",
    "etablir": "establish",
    "mener": "conduct", "realiser": "conduct", "realisee": "conduct", "realisation": "conduct",
    # generic 'carry out': dropped like English 'do'
    "effectuer": "do", "effectuez": "do",
    # dropped like English 'ensure' ('assurer' is a French stopword already)
    "garantir": "ensure", "garantit": "ensure", "garantissent": "ensure", "assure": "ensure", "assurent": "ensure",
    "respecter": "respect", "respectent": "respect",
    # 'fonde sur des donnees probantes' = evidence-based
    "fonder": "based", "fonde": "based", "fondee": "based", "fondees": "based", "fondes": "based",
    "reposent": "based",
    "choix": "choice", "choisir": "choice",
    # dropped like English 'use', as FR_WORDS does 'utiliser'
    "utilise": "use", "utilisee": "use", "utilisees": "use", "utilises": "use", "utilisent": "use",
    "utilisant": "use",
    "faciliter": "facilitate",
    # 'facilite d'utilisation' = ease of use (the noun outweighs the verb form)
    "facilite": "ease",
    "sensibiliser": "awareness", "sensibilisation": "awareness",
    "valoriser": "leverage", "valorisation": "leverage",
    "planifier": "plan", "planification": "plan",
    "pertinent": "relevant", "pertinente": "relevant", "pertinents": "relevant", "pertinentes": "relevant",
    "pertinence": "relevant",
    "entier": "whole", "entiere": "whole",
    # content adjectives whose English is a stopword: dropped, as in English text
    "nouveau": "new", "nouvelle": "new", "nouveaux": "new", "nouvelles": "new", "nouvel": "new",
    "nouvellement": "new",
    "meilleur": "better", "meilleure": "better", "meilleurs": "better", "meilleures": "better",
    "bon": "good", "bons": "good", "bonne": "good", "bonnes": "good",
    "largement": "widely",
    "finalite": "purpose", "finalites": "purpose",
    "viser": "aim", "vise": "aim", "visant": "aim",
    "bout": "end", "fin": "end",
    # 'primaute du numerique' (Switzerland) = digital first
    "primaute": "first",
    # 'guichet unique' = one-stop; 'identifiant unique'
    "unique": "single", "uniques": "single",
    # the plural is nearly always 'langues officielles' (official languages), not plain language
    "langues": "languages",
    "resoudre": "solve", "resout": "solve", "resolvent": "solve",
    "appliquer": "apply", "applique": "apply", "appliquent": "apply",
    # 'pratiques eprouvees' = proven practices
    "eprouve": "proven", "eprouvee": "proven", "eprouvees": "proven", "eprouves": "proven",
    # 'de facon equitable' = in a fair way: dropped like English 'way'
    "facon": "way", "facons": "way", "maniere": "way", "manieres": "way",
    # 'placer l'usager au cœur' = user-centred; meets 'centre(d)'
    "coeur": "centre",
    "tot": "early",
    "vite": "fast",
    # 'placer l'usager au centre': dropped like English 'put'
    "placer": "put",
    "adopter": "adopt", "adoptent": "adopt",
    # 'au sein de' = within (English stopword)
    "sein": "within",
    "autonomie": "autonomy", "autonomes": "autonomy", "autonome": "autonomy",
    "comptes": "accounts",
    "raisonnement": "reasoning",
    # 'valeur ajoutee' = added value
    "ajoutee": "add", "ajouter": "add", "ajoute": "add",
    "apporter": "bring", "apporte": "bring", "apportent": "bring",
    "detenir": "hold", "detient": "hold", "detiennent": "hold", "detenues": "hold", "detenus": "hold",
    "etendre": "expand", "etend": "expand", "etendent": "expand", "elargir": "expand", "elargi": "expand",
    "elargie": "expand",
}
FR_WORDS = {**_FR_GENERAL, **FR_WORDS}


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
        ("private sector", "private-sector"),
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
        ("dans la mesure du possible", " "),
        ("secteur prive", "private-sector"),
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
