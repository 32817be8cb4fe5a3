"""Cooperation vocabulary and stop words in English, Chinese, Spanish, Portuguese, German and French.

The cooperation terms map words like "OEM", "代工", "Lohnfertigung" to the
cooperation types of CONTRACTS.md. They are weak evidence (every seller says
"supplier"), so the engine weighs them low; the declared `type` of an offer or
request is what decides complementarity.

Stop words are the business filler every profile uses ("we", "company",
"寻求", "合作伙伴", "empresa"): they say nothing about who fits whom.
"""

from __future__ import annotations

COOPERATION_TERMS: tuple[tuple[str, str, str, str], ...] = (
    # (cooperation type, English, Chinese, other languages)
    (
        "joint_venture",
        "joint venture|jv|co-investment",
        "合资|合资企业|合资公司|合办|共同投资",
        "empresa conjunta|empresa mixta|coinversión|joint venture|joint-venture|gemeinschaftsunternehmen|coentreprise|co-entreprise",
    ),
    (
        "subcontracting",
        "subcontracting|subcontractor|subcontract|oem|odm|contract manufacturing|private label|white label|made to order",
        "分包|代工|贴牌|贴牌生产|来料加工|来样加工|代加工|外协加工|委托加工",
        "subcontratación|subcontratista|maquila|subcontratação|subcontratado|lohnfertigung|auftragsfertigung|zulieferung|sous-traitance|sous-traitant|façonnier",
    ),
    (
        "franchise",
        "franchise|franchising|franchisee|franchisor|master franchise",
        "特许经营|加盟|加盟商|连锁加盟|特许加盟",
        "franquicia|franquiciado|franquia|franqueado|franchisenehmer|franchisegeber|franchisé|franchiseur",
    ),
    (
        "outsourcing",
        "outsourcing|outsource|offshore|nearshore|back office|bpo",
        "外包|服务外包|业务外包",
        "externalización|tercerización|terceirização|outsourcing|auslagerung|externalisation|délocalisation",
    ),
    (
        "distribution",
        "distribution|distributor|distributors|dealer|reseller|agent|sales agent|sales representative|exclusive agent",
        "分销|分销商|经销|经销商|代理|代理商|总代理|独家代理|销售渠道",
        "distribución|distribuidor|distribuidores|representante|agente comercial|distribuição|revendedor|vertrieb|vertriebspartner|händler|handelsvertreter|distributeur|revendeur|agent commercial",
    ),
    (
        "licensing",
        "licensing|licence|license|licensee|licensor|patent licence|brand licence",
        "许可|授权|许可证|技术许可|品牌授权|专利许可",
        "licencia|licenciamiento|licença|licenciamento|lizenz|lizenzierung|lizenznehmer|licence|licencié",
    ),
    (
        "technical_cooperation",
        "technical cooperation|technology transfer|technical partner|co-development|joint research|know-how",
        "技术合作|技术转让|技术转移|联合研发|合作研发|技术支持",
        "cooperación técnica|transferencia de tecnología|cooperação técnica|transferência de tecnologia|technische zusammenarbeit|technologietransfer|coopération technique|transfert de technologie|savoir-faire",
    ),
    (
        "investment",
        "investment|investor|investors|equity|capital|funding|growth capital|angel",
        "投资|投资者|投资人|注资|股权|资本|融资需求|天使投资",
        "inversión|inversor|inversionista|capital|investimento|investidor|aporte|investition|investor|kapital|beteiligung|investissement|investisseur|capitaux",
    ),
    (
        "acquisition",
        "acquisition|acquire|takeover|buy-out|buyout|merger|succession",
        "收购|并购|兼并|转让股权|企业转让",
        "adquisición|compra de empresa|fusión|aquisição|fusão|übernahme|unternehmenskauf|nachfolge|acquisition|rachat|reprise|fusion",
    ),
    (
        "supplier",
        "supplier|suppliers|supply|manufacturer|producer|factory|maker|exporter|sourcing|procurement|buyer",
        "供应商|供货|供应|生产商|制造商|厂家|工厂|出口商|采购|采购商|买家|货源",
        "proveedor|proveedores|fabricante|productor|exportador|compras|comprador|fornecedor|fornecedores|produtor|exportadora|lieferant|lieferanten|hersteller|produzent|exporteur|einkauf|fournisseur|fournisseurs|fabricant|producteur|exportateur|achats|acheteur",
    ),
    (
        "consulting",
        "consulting|consultancy|consultant|advisory|advisor|adviser",
        "咨询|顾问|咨询服务|咨询公司",
        "consultoría|consultor|asesoría|asesor|consultoria|assessoria|beratung|berater|conseil|consultant",
    ),
    (
        "human_resources",
        "human resources|hr|hiring|secondment|internship|exchange of staff",
        "人力资源|人才交流|人员培训|派遣|实习",
        "recursos humanos|rrhh|pasantías|estágios|personalwesen|praktikum|ressources humaines|stage",
    ),
    (
        "market_entry",
        "market entry|market access|export market|go global|international expansion|new markets|representative office",
        "市场准入|市场开拓|开拓市场|进入市场|出海|国际化|海外市场|代表处",
        "entrada al mercado|acceso al mercado|nuevos mercados|internacionalización|entrada no mercado|novos mercados|internacionalização|markteintritt|markterschließung|neue märkte|internationalisierung|entrée sur le marché|nouveaux marchés|internationalisation",
    ),
)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS_LATIN: frozenset[str] = _word_set(
    """
    a an the and or of for to in on at by with from into our we us you your they their them is are be
    been being have has had will would can could should may might this that these those it its as not no
    yes all any some more most other such only own same so than too very just also both each few per via
    company companies firm business businesses partner partners partnership cooperation cooperate looking
    seek seeking seeks want wants wanting need needs offer offers offering provide provides providing
    product products service services solution solutions quality high new good best leading well year
    years experience experienced based customer customers client clients market markets international
    global local range wide full top small medium large sme smes including include includes ltd co inc
    gmbh sa srl ltda plc llc group team work working opportunity opportunities interested interest
    help support develop development established founded
    el la los las un una unos unas y o de del al en con por para que se su sus es son somos buscamos
    busca ofrecemos ofrece empresa empresas socio socios cooperación productos servicios calidad nuestra
    nuestro nuestros nuestras nosotros mercado mercados como más
    o a os as um uma e ou do da dos das no na nos nas com por para que se seu sua seus suas é são somos
    buscamos oferecemos oferece empresa empresas parceiro parceiros produtos serviços qualidade nossa
    nosso nossos nossas mercado mercados como mais
    der die das den dem des ein eine einen einem einer und oder von vom zu zum zur im in mit für auf aus
    bei wir sind ist suchen sucht bieten bietet unternehmen firma partner partnern produkte
    dienstleistungen qualität unsere unser unseren markt märkte als auch
    le la les un une des et ou de du au aux en avec par pour que qui se sa son ses est sont nous vous
    cherchons recherchons offrons propose proposons entreprise entreprises partenaire partenaires
    produits qualité notre nos marché marchés comme plus
    """
)

STOP_WORDS_CHINESE: frozenset[str] = _word_set(
    """
    我们 我司 本公司 公司 企业 有限公司 集团 寻求 寻找 希望 需要 提供 合作 合作伙伴 伙伴 产品 服务
    质量 优质 主要 包括 以及 可以 能够 进行 欢迎 专业 领先 国内 国外 国际 市场 客户 具有 拥有 我们的
    一家 一个 相关 各类 多年 经验 成立 位于 致力于 是 的 和 与 及 在 为 等 有 对 将 从 向 并 或 也
    中小企业 业务 发展 优势 项目 方面 领域 全球 地区 长期 稳定 良好 意向 有意 目前 已经 年 家
    """
)
