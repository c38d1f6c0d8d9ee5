//! Ready-made plans: a blank one, and the seed's own example as a worked template. The example
//! is user data once created, so both languages of its text live here rather than in `T`.

use crate::domain::model::plan::*;
use crate::domain::values::date::Date;
use crate::i18n::Lang;

/// An empty plan named "New plan" in `lang`.
pub fn blank(lang: Lang, id_gen: &mut impl FnMut() -> String, now_ms: i64) -> Plan {
    let name = match lang {
        Lang::Id => "Rencana baru",
        Lang::En => "New plan",
    };
    Plan::blank(&id_gen(), name, now_ms)
}

/// The seed's example, complete in every planning step: raise sales of product X by 20% in six
/// months through Instagram and Google Ads, with an IDR 150,000,000 budget, starting `start`.
pub fn seed_example(
    lang: Lang,
    id_gen: &mut impl FnMut() -> String,
    now_ms: i64,
    start: Date,
) -> Plan {
    // The plan's own id first, so it reads first in generated files.
    let plan_id = id_gen();
    // Picks the text of the plan's language.
    let tr = |id: &str, en: &str| match lang {
        Lang::Id => id.to_string(),
        Lang::En => en.to_string(),
    };
    // Near the end of the calendar the window is cut short rather than failing.
    let day = |n: i64| start.add_days(n).unwrap_or(start);
    let end = day(182);
    let mut note = |id: &str, en: &str| Note {
        id: id_gen(),
        text: tr(id, en),
    };

    let market = MarketSituation {
        trends: vec![
            note(
                "Belanja lewat Instagram Shopping dan Reels terus naik di kalangan usia 20–35.",
                "Shopping through Instagram Shopping and Reels keeps growing among people aged 20–35.",
            ),
            note(
                "Calon pembeli membandingkan harga di Google sebelum membeli.",
                "Buyers compare prices on Google before they buy.",
            ),
            note(
                "Ulasan dan konten kreator lebih dipercaya daripada iklan biasa.",
                "Reviews and creator content are trusted more than plain ads.",
            ),
        ],
        opportunities: vec![
            note(
                "Kata kunci produk X dalam bahasa Indonesia masih murah di Google Ads.",
                "Indonesian-language keywords for product X are still cheap on Google Ads.",
            ),
            note(
                "Belum ada pesaing yang rutin membuat konten edukasi tentang produk X.",
                "No competitor regularly publishes how-to content about product X.",
            ),
        ],
        challenges: vec![
            note(
                "Biaya per klik naik menjelang Harbolnas dan Ramadan.",
                "Cost per click rises around the national shopping days and Ramadan.",
            ),
            note(
                "Pesaing besar sering memberi diskon besar.",
                "A large competitor often runs deep discounts.",
            ),
        ],
        strengths: vec![note(
            "Kualitas produk dinilai tinggi oleh pelanggan lama.",
            "Existing customers rate the product's quality highly.",
        )],
        weaknesses: vec![note(
            "Halaman produk di situs lambat di ponsel.",
            "The product page on the website is slow on phones.",
        )],
    };

    let competitors = vec![
        Competitor {
            id: id_gen(),
            name: tr("Merek A (pemimpin pasar)", "Brand A (market leader)"),
            website: "https://brand-a.example".into(),
            channels: vec![Channel::Instagram, Channel::Tiktok, Channel::Sem],
            strategy: tr(
                "Diskon besar dan kerja sama dengan influencer papan atas.",
                "Deep discounts and partnerships with top influencers.",
            ),
            strengths: tr(
                "Merek dikenal luas, anggaran besar.",
                "Well-known brand, large budget.",
            ),
            weaknesses: tr(
                "Layanan pelanggan lambat, konten jarang mendidik.",
                "Slow customer service, little educational content.",
            ),
            notes: String::new(),
        },
        Competitor {
            id: id_gen(),
            name: tr("Merek B (penantang daring)", "Brand B (online challenger)"),
            website: "https://brand-b.example".into(),
            channels: vec![Channel::Instagram, Channel::Seo],
            strategy: tr(
                "Konten organik dan SEO blog, hampir tanpa iklan berbayar.",
                "Organic content and blog SEO, almost no paid ads.",
            ),
            strengths: tr(
                "Komunitas setia di Instagram.",
                "Loyal community on Instagram.",
            ),
            weaknesses: tr(
                "Tidak muncul di hasil iklan Google.",
                "Absent from Google search ads.",
            ),
            notes: String::new(),
        },
    ];

    let personas = vec![
        Persona {
            id: id_gen(),
            name: tr("Dewi, profesional muda", "Dewi, young professional"),
            demographics: tr(
                "Perempuan 26 tahun, Jakarta, karyawan kantor, penghasilan menengah.",
                "Woman, 26, Jakarta, office worker, middle income.",
            ),
            psychographics: tr(
                "Peduli kualitas dan gaya, suka mencoba produk baru.",
                "Cares about quality and style, likes trying new products.",
            ),
            behaviour: tr(
                "Menjelajah Instagram tiap hari, membeli lewat ponsel pada malam hari.",
                "Browses Instagram daily, buys on her phone in the evening.",
            ),
            needs: tr(
                "Bukti nyata bahwa produk sepadan dengan harganya.",
                "Real proof that the product is worth its price.",
            ),
            channels: vec![Channel::Instagram, Channel::Tiktok],
        },
        Persona {
            id: id_gen(),
            name: tr("Budi, pembeli yang teliti", "Budi, the careful buyer"),
            demographics: tr(
                "Laki-laki 34 tahun, Surabaya, wiraswasta, penghasilan menengah ke atas.",
                "Man, 34, Surabaya, self-employed, upper-middle income.",
            ),
            psychographics: tr(
                "Rasional, membandingkan sebelum memutuskan.",
                "Rational, compares before deciding.",
            ),
            behaviour: tr(
                "Mencari di Google dan membaca ulasan sebelum membeli.",
                "Searches Google and reads reviews before buying.",
            ),
            needs: tr(
                "Perbandingan yang jelas dan garansi.",
                "A clear comparison and a warranty.",
            ),
            channels: vec![Channel::Sem, Channel::Youtube],
        },
    ];

    let id_of = |notes: &[Note], i: usize| notes.get(i).map(|n| n.id.clone()).unwrap_or_default();
    let gaps = vec![
        MarketGap {
            id: id_gen(),
            description: tr(
                "Konten edukasi di Instagram yang menunjukkan cara memakai produk X.",
                "Educational Instagram content that shows how to use product X.",
            ),
            evidence: vec![
                id_of(&market.trends, 2),
                id_of(&market.opportunities, 1),
                personas[0].id.clone(),
            ],
            priority: Priority::High,
        },
        MarketGap {
            id: id_gen(),
            description: tr(
                "Iklan pencarian untuk pembeli yang membandingkan, tempat Merek B tidak hadir.",
                "Search ads for comparing buyers, where Brand B is absent.",
            ),
            evidence: vec![
                id_of(&market.trends, 1),
                competitors[1].id.clone(),
                personas[1].id.clone(),
            ],
            priority: Priority::High,
        },
    ];

    let channels = vec![
        ChannelPlan {
            id: id_gen(),
            channel: Channel::Instagram,
            rationale: tr(
                "Tempat Dewi menghabiskan waktu dan menemukan produk baru.",
                "Where Dewi spends her time and discovers new products.",
            ),
            gaps: vec![gaps[0].id.clone()],
            personas: vec![personas[0].id.clone()],
            tactics: tr(
                "Tiga Reels edukasi per minggu, carousel testimoni, iklan Reels ke audiens serupa.",
                "Three how-to Reels a week, testimonial carousels, Reels ads to lookalike audiences.",
            ),
        },
        ChannelPlan {
            id: id_gen(),
            channel: Channel::Sem,
            rationale: tr(
                "Menangkap niat beli saat Budi mencari dan membandingkan.",
                "Captures buying intent when Budi searches and compares.",
            ),
            gaps: vec![gaps[1].id.clone()],
            personas: vec![personas[1].id.clone()],
            tactics: tr(
                "Kampanye Search untuk kata kunci produk dan perbandingan, ditambah remarketing.",
                "Search campaigns on product and comparison keywords, plus remarketing.",
            ),
        },
    ];

    let kpis = vec![
        Kpi {
            id: id_gen(),
            name: tr("Penjualan produk X per bulan", "Monthly sales of product X"),
            metric: Some("sales".into()),
            unit: tr("unit", "units"),
            direction: Direction::HigherIsBetter,
            baseline: Some(1000.0),
            target: Some(1200.0),
            deadline: Some(end),
            channel: None,
            sources: Vec::new(),
            // "1,200 a month": each month is compared with the target, not the running total.
            basis: TargetBasis::PerMonth,
        },
        Kpi {
            id: id_gen(),
            name: tr(
                "Tingkat keterlibatan Instagram",
                "Instagram engagement rate",
            ),
            metric: Some("engagement_rate".into()),
            unit: "%".into(),
            direction: Direction::HigherIsBetter,
            baseline: Some(2.1),
            target: Some(3.5),
            deadline: Some(end),
            channel: Some(Channel::Instagram),
            sources: Vec::new(),
            basis: TargetBasis::Campaign,
        },
        Kpi {
            id: id_gen(),
            name: tr(
                "Biaya per akuisisi Google Ads",
                "Google Ads cost per acquisition",
            ),
            metric: Some("cpa".into()),
            unit: "IDR".into(),
            direction: Direction::LowerIsBetter,
            baseline: Some(85_000.0),
            target: Some(65_000.0),
            deadline: Some(end),
            channel: Some(Channel::Sem),
            sources: Vec::new(),
            basis: TargetBasis::Campaign,
        },
        Kpi {
            id: id_gen(),
            name: tr(
                "Tingkat konversi halaman produk",
                "Product page conversion rate",
            ),
            metric: Some("conversion_rate".into()),
            unit: "%".into(),
            direction: Direction::HigherIsBetter,
            baseline: Some(1.8),
            target: Some(2.5),
            deadline: Some(end),
            channel: Some(Channel::Website),
            sources: Vec::new(),
            basis: TargetBasis::Campaign,
        },
    ];

    let mut allocation = |channel, amount, priority, expected_return| Allocation {
        id: id_gen(),
        channel,
        amount,
        priority,
        expected_return,
    };
    let budget = Budget {
        total: 150_000_000.0,
        allocations: vec![
            allocation(
                Channel::Instagram,
                60_000_000.0,
                Priority::High,
                Some(180_000_000.0),
            ),
            allocation(
                Channel::Sem,
                75_000_000.0,
                Priority::High,
                Some(240_000_000.0),
            ),
            allocation(Channel::Content, 15_000_000.0, Priority::Medium, None),
        ],
    };

    let mut tasks: Vec<Task> = Vec::new();
    let mut task = |title: String, owner: &str, from: i64, to: i64, channel, deps: &[usize]| {
        let depends_on = deps
            .iter()
            .filter_map(|&i| tasks.get(i).map(|t: &Task| t.id.clone()))
            .collect();
        tasks.push(Task {
            id: id_gen(),
            title,
            owner: owner.to_string(),
            start: Some(day(from)),
            end: Some(day(to)),
            channel,
            depends_on,
            status: TaskStatus::Todo,
        });
    };
    task(
        tr(
            "Finalkan brief kreatif dan penawaran",
            "Finalise the creative brief and offers",
        ),
        "Rina (Marketing Manager)",
        0,
        7,
        None,
        &[],
    );
    task(
        tr(
            "Produksi konten Reels dan carousel",
            "Produce Reels and carousel content",
        ),
        "Dimas (Content)",
        7,
        28,
        Some(Channel::Instagram),
        &[0],
    );
    task(
        tr(
            "Siapkan kampanye Google Ads dan pelacakan konversi",
            "Set up Google Ads campaigns and conversion tracking",
        ),
        "Andi (Performance)",
        7,
        21,
        Some(Channel::Sem),
        &[0],
    );
    task(
        tr(
            "Percepat halaman produk X di ponsel",
            "Speed up the product X page on phones",
        ),
        "Sari (Web)",
        7,
        35,
        Some(Channel::Website),
        &[0],
    );
    task(
        tr(
            "Luncurkan iklan Instagram dan Google Ads",
            "Launch Instagram and Google Ads",
        ),
        "Andi (Performance)",
        35,
        42,
        None,
        &[1, 2, 3],
    );
    task(
        tr(
            "Tinjau kinerja bulanan dan optimalkan",
            "Monthly performance review and optimisation",
        ),
        "Rina (Marketing Manager)",
        60,
        182,
        None,
        &[4],
    );

    Plan {
        name: tr(
            "Penjualan produk X +20% (Instagram & Google Ads)",
            "Product X sales +20% (Instagram & Google Ads)",
        ),
        goal: Goal {
            objective: Objective::Sales,
            specific: tr(
                "Menaikkan penjualan produk X sebesar 20% dalam 6 bulan lewat Instagram dan Google Ads.",
                "Raise sales of product X by 20% in 6 months through Instagram and Google Ads.",
            ),
            metric: tr("Penjualan produk X per bulan", "Monthly sales of product X"),
            unit: tr("unit", "units"),
            baseline: Some(1000.0),
            target: Some(1200.0),
            achievable: tr(
                "Uji coba iklan kecil bulan lalu menaikkan penjualan 6% dengan sepertiga anggaran ini.",
                "A small ad test last month raised sales by 6% with a third of this budget.",
            ),
            relevant: tr(
                "Produk X adalah produk dengan margin tertinggi; pertumbuhannya menopang target tahunan.",
                "Product X has the highest margin; its growth carries the annual target.",
            ),
            start: Some(start),
            end: Some(end),
        },
        market,
        competitors,
        personas,
        gaps,
        channels,
        kpis,
        budget,
        tasks,
        ..Plan::blank(&plan_id, "", now_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::validate::validate;

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id-{n}")
        }
    }

    fn start() -> Date {
        Date::new(2026, 1, 5).unwrap()
    }

    // Guards: the template a user starts from must not open with errors, in either language.
    #[test]
    fn the_seed_example_passes_validation_in_both_languages() {
        for lang in Lang::ALL {
            let plan = seed_example(lang, &mut counter(), 0, start());
            assert_eq!(validate(&plan), vec![], "{lang:?}");
        }
    }

    // Guards: every planning step of the example has content, as the seed's workflow asks.
    #[test]
    fn the_seed_example_fills_every_planning_step() {
        let plan = seed_example(Lang::En, &mut counter(), 0, start());
        assert!(plan.name.contains("Product X"));
        assert_eq!(plan.goal.objective, Objective::Sales);
        assert!(plan.market.trends.len() >= 3);
        assert!(!plan.market.opportunities.is_empty() && !plan.market.challenges.is_empty());
        assert_eq!(plan.competitors.len(), 2);
        assert_eq!(plan.personas.len(), 2);
        assert_eq!(plan.gaps.len(), 2);
        assert!(plan.gaps.iter().all(|g| !g.evidence.is_empty()));
        let channels: Vec<_> = plan.channels.iter().map(|c| c.channel.clone()).collect();
        assert_eq!(channels, vec![Channel::Instagram, Channel::Sem]);
        assert!((3..=4).contains(&plan.kpis.len()));
        assert_eq!(plan.currency, "IDR");
        let allocated: f64 = plan.budget.allocations.iter().map(|a| a.amount).sum();
        assert_eq!(allocated, plan.budget.total);
        assert!((5..=6).contains(&plan.tasks.len()));
        let (s, e) = (plan.goal.start.unwrap(), plan.goal.end.unwrap());
        for t in &plan.tasks {
            assert!(t.start.unwrap() >= s && t.end.unwrap() <= e, "{t:?}");
            assert!(!t.owner.is_empty());
        }
    }

    // Guards: the Indonesian template is really in Indonesian.
    #[test]
    fn the_seed_example_speaks_the_chosen_language() {
        let id = seed_example(Lang::Id, &mut counter(), 0, start());
        let en = seed_example(Lang::En, &mut counter(), 0, start());
        assert!(id.goal.specific.starts_with("Menaikkan penjualan"));
        assert_ne!(id.goal.specific, en.goal.specific);
        assert_eq!(blank(Lang::Id, &mut counter(), 0).name, "Rencana baru");
    }
}
