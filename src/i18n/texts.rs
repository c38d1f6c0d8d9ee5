//! Every user-visible text, in Indonesian and English. Placeholders are `{name}`.

use super::Lang;

macro_rules! texts {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A translation key. Each one has an Indonesian and an English text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            /// Every key, for the completeness tests.
            pub const ALL: &'static [T] = &[$(T::$key),*];

            /// The text of this key in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Id => match self { $(T::$key => $id),* },
                    Lang::En => match self { $(T::$key => $en),* },
                }
            }
        }
    };
}

texts! {
    // App shell
    AppTagline => "Perencana pemasaran digital", "Digital marketing planner";
    DocTitle => "Alur — perencana pemasaran digital", "Alur — digital marketing planner";
    Language => "Bahasa", "Language";
    SkipToContent => "Langsung ke isi", "Skip to content";
    MainNav => "Alur kerja", "Workflow";
    NavPlans => "Rencana saya", "My plans";
    NavOverview => "Ringkasan rencana", "Plan overview";
    PhasePlan => "Fase 1 · Riset & Perencanaan", "Phase 1 · Research & planning";
    PhaseExecute => "Fase 2 · Eksekusi", "Phase 2 · Execution";
    PhaseImprove => "Fase 3 · Analisis & Optimasi", "Phase 3 · Analysis & optimisation";
    Previous => "Sebelumnya", "Previous";
    Next => "Berikutnya", "Next";
    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundBody => "Alamat ini tidak menunjuk ke halaman Alur mana pun.", "This address does not point to any page of Alur.";
    BackToPlans => "Kembali ke daftar rencana", "Back to my plans";
    NoPlanTitle => "Rencana tidak ditemukan", "Plan not found";
    NoPlanBody => "Rencana pada tautan ini tidak ada di peramban ini. Mungkin sudah dihapus, atau dibuat di perangkat lain: minta berkasnya lalu impor.", "The plan in this link is not in this browser. It may have been deleted, or made on another device: ask for its file and import it.";
    StepEmptyTitle => "Belum ada isi di langkah ini", "Nothing here yet";
    StepComingSoon => "Formulir langkah ini sedang dibangun. Rencana Anda tetap tersimpan.", "The form for this step is being built. Your plan stays saved.";

    // Workflow steps
    StepGoals => "Tujuan & sasaran", "Goals & targets";
    StepMarket => "Situasi pasar", "Market situation";
    StepCompetitors => "Analisis kompetitor", "Competitor analysis";
    StepAudience => "Pasar sasaran", "Target market";
    StepGaps => "Celah pasar", "Market gaps";
    StepStrategy => "Strategi digital", "Digital strategy";
    StepKpis => "KPI & metrik", "KPIs & metrics";
    StepBudget => "Anggaran", "Budget";
    StepActions => "Rencana aksi", "Action plan";
    StepApproval => "Persetujuan manajemen", "Management approval";
    StepToday => "Hari ini", "Today";
    StepBoard => "Papan eksekusi", "Execution board";
    StepCalendar => "Kalender konten", "Content calendar";
    StepSpend => "Catatan belanja", "Spend log";
    StepMeasurements => "Catatan pengukuran", "Measurement log";
    StepCollect => "Pengumpulan data", "Collect data";
    StepAnalyse => "Analisis KPI", "KPI analysis";
    StepOptimise => "Masalah & optimasi", "Problems & optimisation";
    StepReport => "Laporan", "Report";
    StepNext => "Kampanye berikutnya", "Next campaign";

    GuideGoals => "Tentukan apa yang ingin dicapai bisnis lewat pemasaran digital: kesadaran merek, prospek, penjualan, atau keterlibatan. Tulis sasarannya secara SMART — spesifik, terukur, dapat dicapai, relevan, dan berbatas waktu — misalnya menaikkan penjualan produk X sebesar 20% dalam 6 bulan lewat Instagram dan Google Ads.", "Decide what the business wants from digital marketing: awareness, leads, sales or engagement. Write the target the SMART way — specific, measurable, achievable, relevant and time-bound — for example, raise sales of product X by 20% in 6 months through Instagram and Google Ads.";
    GuideMarket => "Pahami kondisi industri: tren yang sedang berjalan, peluang yang terbuka, dan tantangan yang menghadang. Kisi SWOT membantu merangkumnya.", "Understand the state of the industry: current trends, open opportunities and the challenges ahead. A SWOT grid helps sum it up.";
    GuideCompetitors => "Kenali pesaing utama: kanal yang mereka pakai, strateginya, serta kekuatan dan kelemahannya, lalu bandingkan berdampingan.", "Know your main competitors: the channels they use, their strategy, their strengths and weaknesses, then compare them side by side.";
    GuideAudience => "Gambarkan target audiens sebagai persona: ciri demografis, psikografis dan perilaku, serta kanal yang mereka gunakan.", "Describe your target audience as personas: demographic, psychographic and behavioural traits, and the channels they use.";
    GuideGaps => "Dari analisis pasar dan kompetitor, temukan celah: kebutuhan yang belum terpenuhi, tren yang sedang naik, atau strategi pesaing yang bisa Anda lampaui. Kaitkan tiap celah dengan buktinya.", "From the market and competitor analysis, find the gaps: unmet needs, rising trends, or competitor strategies you can beat. Link each gap to its evidence.";
    GuideStrategy => "Pilih kanal yang paling relevan bagi audiens dan tujuan — SEO, SEM, media sosial, email, konten, dan lainnya — dengan alasan dan taktiknya.", "Choose the channels most relevant to your audience and goal — SEO, SEM, social media, email, content and more — with the reasons and tactics for each.";
    GuideKpis => "Tetapkan KPI dan metrik untuk mengukur keberhasilan: traffic situs, prospek, tingkat konversi, ROI, kesadaran merek. Tiap KPI punya nilai awal, target dan tenggat.", "Set the KPIs and metrics that measure success: website traffic, leads, conversion rate, ROI, brand awareness. Each KPI has a baseline, a target and a deadline.";
    GuideBudget => "Bagikan anggaran ke setiap kanal sesuai prioritas dan potensi ROI-nya.", "Allocate the budget to each channel according to its priority and expected return.";
    GuideActions => "Susun rencana aksi yang rinci: linimasa, tugas, dan penanggung jawab tiap anggota tim.", "Lay out a detailed action plan: timeline, tasks, and who in the team owns each one.";
    GuideApproval => "Ajukan rencana ke manajemen dan catat keputusannya sebelum implementasi dimulai.", "Submit the plan to management and record their decision before execution starts.";
    GuideToday => "Apa yang terlambat, apa yang jatuh tempo minggu ini, dan bagaimana belanja dibanding waktu yang sudah berjalan.", "What is overdue, what is due this week, and how spend compares with the time elapsed.";
    GuideBoard => "Jalankan rencana per alur kerja: tim & infrastruktur, konten, optimasi situs, SEO, SEM, media sosial, email, serta monitoring & pelaporan.", "Run the plan by workstream: team & infrastructure, content, website optimisation, SEO, SEM, social media, email, and monitoring & reporting.";
    GuideCalendar => "Jadwalkan konten — artikel blog, video, infografis, unggahan media sosial, email — dari ide sampai terbit.", "Schedule content — blog posts, videos, infographics, social posts, emails — from idea to published.";
    GuideSpend => "Catat belanja nyata per kanal dan tanggal, dibandingkan dengan anggaran yang direncanakan.", "Log actual spend per channel and date, against the planned budget.";
    GuideMeasurements => "Catat nilai KPI per tanggal atau periode beserta sumbernya.", "Record KPI values by date or period, with their source.";
    GuideCollect => "Kumpulkan data dari Google Analytics, platform iklan dan media sosial, serta CRM dengan mengimpor berkas ekspornya. Tidak ada yang dikirim ke luar peramban.", "Collect data from Google Analytics, ad and social platforms and your CRM by importing their export files. Nothing leaves your browser.";
    GuideAnalyse => "Bandingkan hasil dengan target: apakah tiap KPI tercapai, sesuai jalur, atau tertinggal?", "Compare results with targets: is each KPI achieved, on track, or falling behind?";
    GuideOptimise => "Bila KPI belum tercapai, kenali masalahnya, optimalkan strategi, lalu analisis lagi.", "When a KPI is not achieved, identify the problem, optimise the strategy, then analyse again.";
    GuideReport => "Susun laporan kinerja untuk manajemen dan tim, lengkap dengan pelajaran yang didapat.", "Put together a performance report for management and the team, with the lessons learned.";
    GuideNext => "Rencanakan kampanye berikutnya dengan hasil akhir kampanye ini sebagai titik awal.", "Plan the next campaign with this campaign's final results as its starting point.";

    // Crash screen
    CrashTitle => "Maaf, Alur berhenti karena kesalahan", "Sorry, Alur stopped because of an error";
    CrashBody => "Rencana yang sudah tersimpan tetap ada di peramban ini. Unduh salinannya untuk berjaga-jaga, lalu muat ulang halaman.", "The plans already saved are still in this browser. Download a copy to be safe, then reload the page.";
    CrashDownload => "Unduh data tersimpan", "Download saved data";
    CrashReload => "Muat ulang", "Reload";

    // Number input
    NumberEmpty => "Ketik sebuah angka.", "Type a number.";
    NumberInvalidCharacter => "“{text}” bukan angka: “{found}” tidak boleh ada di dalamnya.", "“{text}” is not a number: “{found}” does not belong in it.";
    NumberSign => "“{text}” bukan angka: tulis paling banyak satu tanda + atau -, di depan angkanya.", "“{text}” is not a number: write at most one + or - sign, before the digits.";
    NumberSeparators => "“{text}” bukan angka: titik dan komanya ada di tempat yang salah. Tulis misalnya 1.500.000,50.", "“{text}” is not a number: separators are in the wrong places. Write it like 1,500,000.50.";
    NumberUnits => "“{text}” bukan angka: hanya boleh ada satu simbol mata uang atau tanda persen.", "“{text}” is not a number: it may have only one currency or percent sign.";
    NumberTooLarge => "“{text}” terlalu besar untuk dihitung.", "“{text}” is too large to calculate with.";
    NumberOtherCurrency => "“{text}” tertulis dalam {found}, padahal kolom ini dalam {expected}.", "“{text}” is written in {found}, but this field is in {expected}.";
}
