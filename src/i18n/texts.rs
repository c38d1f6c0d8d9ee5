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
    StepNeedsPlan => "Buat atau buka rencana dulu; langkah ini akan mengisinya.", "Create or open a plan first; this step fills it in.";
    StepNavLabel => "Langkah sebelumnya dan berikutnya", "Previous and next step";
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

    // Save status
    SaveLabel => "Status penyimpanan", "Save status";
    SaveSaved => "Tersimpan di peramban ini", "Saved in this browser";
    SaveSaving => "Menyimpan…", "Saving…";
    SaveFailedFull => "Belum tersimpan: penyimpanan peramban penuh. Ekspor rencana Anda agar tidak hilang.", "Not saved: the browser's storage is full. Export your plan so it is not lost.";
    SaveFailedUnavailable => "Belum tersimpan: peramban ini tidak mengizinkan penyimpanan lokal. Ekspor rencana Anda agar tidak hilang.", "Not saved: this browser does not allow local storage. Export your plan so it is not lost.";
    SaveFailedOther => "Belum tersimpan: {reason}. Ekspor rencana Anda agar tidak hilang.", "Not saved: {reason}. Export your plan so it is not lost.";
    OpenFailed => "Rencana tidak dapat dibuka: {reason}", "The plan could not be opened: {reason}";

    // Plans page
    PlansIntro => "Semua rencana disimpan hanya di peramban ini. Ekspor rencana untuk berbagi atau mencadangkannya.", "Every plan is stored only in this browser. Export a plan to share it or back it up.";
    NewBlankPlan => "Rencana kosong baru", "New blank plan";
    NewExamplePlan => "Rencana baru dari contoh", "New plan from the example";
    UntitledPlan => "Rencana tanpa judul", "Untitled plan";
    CopySuffix => "{name} (salinan)", "{name} (copy)";
    NoPlansTitle => "Belum ada rencana", "No plans yet";
    NoPlansBody => "Mulai dengan rencana kosong, dengan contoh dari alur kerja (menaikkan penjualan produk X sebesar 20% dalam 6 bulan), atau impor berkas rencana .alur.json.", "Start with a blank plan, with the workflow's example (raise sales of product X by 20% in 6 months), or import an .alur.json plan file.";
    ColName => "Nama", "Name";
    ColStatus => "Status", "Status";
    ColUpdated => "Terakhir diubah", "Last edited";
    ColActions => "Tindakan", "Actions";
    Open => "Buka", "Open";
    Rename => "Ganti nama", "Rename";
    RenameLabel => "Nama baru untuk {name}", "New name for {name}";
    Save => "Simpan", "Save";
    Cancel => "Batal", "Cancel";
    Duplicate => "Duplikat", "Duplicate";
    Export => "Ekspor", "Export";
    ExportPlan => "Ekspor rencana (.json)", "Export plan (.json)";
    Delete => "Hapus", "Delete";
    DeleteConfirm => "Hapus rencana “{name}”? Anda dapat memulihkannya dari Baru dihapus.", "Delete the plan “{name}”? You can restore it from Recently deleted.";
    DeleteYes => "Ya, hapus", "Yes, delete";
    Deleted => "Rencana “{name}” dihapus.", "Plan “{name}” deleted.";
    Undo => "Urungkan", "Undo";
    Restore => "Pulihkan", "Restore";
    Restored => "Rencana “{name}” dipulihkan.", "Plan “{name}” restored.";
    DeleteForever => "Hapus permanen", "Delete forever";
    TrashTitle => "Baru dihapus", "Recently deleted";
    TrashDeletedOn => "dihapus {date}", "deleted {date}";
    Created => "Rencana “{name}” dibuat.", "Plan “{name}” created.";
    Duplicated => "Rencana “{name}” dibuat sebagai salinan.", "Plan “{name}” created as a copy.";
    Renamed => "Nama rencana diubah menjadi “{name}”.", "Plan renamed to “{name}”.";
    NameRequired => "Nama rencana tidak boleh kosong.", "A plan needs a name.";
    Exported => "Berkas {file} diunduh.", "Downloaded {file}.";
    ExportFailed => "Ekspor gagal: peramban menolak membuat unduhan.", "Export failed: the browser refused to create the download.";
    StatusDraft => "Draf", "Draft";
    StatusInReview => "Menunggu persetujuan", "Waiting for approval";
    StatusApproved => "Disetujui", "Approved";
    StatusRunning => "Berjalan", "Running";
    StatusCompleted => "Selesai", "Completed";
    Dismiss => "Tutup pesan", "Dismiss";
    PlanName => "Nama rencana", "Plan name";
    CurrentPlan => "Rencana terbuka", "Open plan";

    // Import
    ImportPlan => "Impor rencana (.json)", "Import plan (.json)";
    ImportDrop => "Atau jatuhkan berkas .alur.json di sini.", "Or drop an .alur.json file here.";
    ImportReadFailed => "Berkas “{file}” tidak dapat dibaca oleh peramban.", "The browser could not read the file “{file}”.";
    Imported => "Rencana “{name}” diimpor dari {file}.", "Plan “{name}” imported from {file}.";
    ImportConflictTitle => "Rencana ini sudah ada", "This plan already exists";
    ImportConflictBody => "Berkas {file} berisi rencana “{name}”, yang sudah ada di peramban ini (terakhir diubah {date}). Apa yang ingin Anda lakukan?", "The file {file} holds the plan “{name}”, which is already in this browser (last edited {date}). What would you like to do?";
    ImportReplace => "Ganti (versi lama disimpan di Baru dihapus)", "Replace it (the old version goes to Recently deleted)";
    ImportAsCopy => "Impor sebagai salinan", "Import as a copy";
    // Import errors
    ImportTooLarge => "Berkas {file} berukuran {size} MB, melebihi batas {limit} MB.", "The file {file} is {size} MB, over the {limit} MB limit.";
    ImportEmpty => "Berkas {file} kosong.", "The file {file} is empty.";
    ImportUtf16 => "Berkas {file} disimpan dalam UTF-16. Simpan ulang sebagai UTF-8, lalu impor lagi.", "The file {file} is saved as UTF-16. Save it again as UTF-8, then import it again.";
    ImportBinary => "Berkas {file} bukan berkas teks, jadi bukan rencana Alur.", "The file {file} is not a text file, so it is not an Alur plan.";
    ImportTooDeep => "Berkas {file} bersarang terlalu dalam (lebih dari {limit} tingkat) di baris {line}, kolom {column}.", "The file {file} nests too deeply (more than {limit} levels) at line {line}, column {column}.";
    ImportTruncated => "Berkas {file} terpotong: JSON-nya berhenti sebelum selesai (baris {line}, kolom {column}). Mungkin unduhan atau salinannya belum lengkap.", "The file {file} is cut short: its JSON stops before it is complete (line {line}, column {column}). The download or copy may be incomplete.";
    ImportNotANumber => "Berkas {file} berisi '{literal}' di baris {line}, kolom {column}, yang bukan angka sah. Ganti dengan angka.", "The file {file} contains '{literal}' at line {line}, column {column}, which is not a valid number. Replace it with a number.";
    ImportNumberOutOfRange => "Dalam berkas {file}, angka di {path} (baris {line}, kolom {column}) terlalu besar.", "In the file {file}, the number at {path} (line {line}, column {column}) is too large.";
    ImportSyntax => "Berkas {file} bukan JSON yang sah: ada kesalahan di baris {line}, kolom {column} ({detail}).", "The file {file} is not valid JSON: there is an error at line {line}, column {column} ({detail}).";
    ImportNotAnObject => "Berkas {file} berisi {found}, bukan rencana Alur.", "The file {file} holds {found}, not an Alur plan.";
    ImportWrongFormat => "Berkas {file} berformat '{found}', jadi bukan rencana Alur.", "The file {file} has the format '{found}', so it is not an Alur plan.";
    ImportVersionMissing => "Berkas {file} tidak mencantumkan versi skema ({path}), jadi tidak bisa dibaca dengan aman.", "The file {file} does not state its schema version ({path}), so it cannot be read safely.";
    ImportVersionNotInteger => "Dalam berkas {file}, versi skema di {path} ({found}) bukan bilangan bulat.", "In the file {file}, the schema version at {path} ({found}) is not a whole number.";
    ImportVersionTooNew => "Berkas {file} dibuat oleh versi Alur yang lebih baru (skema {found}; aplikasi ini membaca sampai {supported}). Perbarui Alur, lalu coba lagi.", "The file {file} was made by a newer version of Alur (schema {found}; this app reads up to {supported}). Update Alur, then try again.";
    ImportVersionUnsupported => "Berkas {file} memakai versi skema {found} yang terlalu lama dan tidak didukung lagi.", "The file {file} uses schema version {found}, which is too old and no longer supported.";
    ImportMigrationFailed => "Berkas {file} tidak bisa diperbarui dari versi skema {found}: {detail}.", "The file {file} could not be upgraded from schema version {found}: {detail}.";
    ImportMissingField => "Dalam berkas {file}, kolom '{field}' tidak ada di {path}.", "In the file {file}, the field '{field}' is missing at {path}.";
    ImportUnknownField => "Dalam berkas {file}, kolom {path} tidak dikenal. Mungkin salah ketik, atau berkasnya dari aplikasi lain.", "In the file {file}, the field {path} is not known. It may be a typo, or the file comes from another app.";
    ImportWrongType => "Dalam berkas {file}, {path} harus berupa {expected}, tetapi berisi {found}.", "In the file {file}, {path} must be {expected}, but it holds {found}.";
    ImportInvalidDate => "Dalam berkas {file}, {path} berisi '{value}', yang bukan tanggal sah. Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-11-28.", "In the file {file}, {path} holds '{value}', which is not a valid date. Write dates as YYYY-MM-DD, for example 2026-11-28.";
    ImportUnknownChoice => "Dalam berkas {file}, '{value}' bukan pilihan yang sah untuk {path}.", "In the file {file}, '{value}' is not an allowed choice for {path}.";
    ImportInvalidValue => "Dalam berkas {file}, nilai di {path} tidak sah ({detail}).", "In the file {file}, the value at {path} is not valid ({detail}).";
    ImportInvalid => "Berkas {file} terbaca, tetapi isinya punya {count} masalah:", "The file {file} can be read, but its content has {count} problem(s):";
    ImportMoreIssues => "…dan {count} masalah lainnya.", "…and {count} more.";
    ImportTopLevel => "tingkat teratas", "the top level";
    JsonNull => "nilai kosong (null)", "an empty value (null)";
    JsonBoolean => "benar/salah", "true/false";
    JsonNumber => "angka", "a number";
    JsonText => "teks", "text";
    JsonList => "daftar", "a list";
    JsonObject => "objek", "an object";
    IssueBlankName => "Rencana belum punya nama.", "The plan has no name.";
    IssueBadCurrency => "'{value}' bukan kode mata uang tiga huruf kapital (misalnya IDR).", "'{value}' is not a currency code of three capital letters (for example IDR).";
    IssueInvalidId => "'{id}' bukan id yang sah (1–64 huruf, angka, '_' atau '-').", "'{id}' is not a valid id (1–64 letters, digits, '_' or '-').";
    IssueDuplicateId => "Id '{id}' sudah dipakai di {first}.", "The id '{id}' is already used at {first}.";
    IssueUnknownReference => "'{id}' tidak cocok dengan {target} mana pun.", "'{id}' does not match any {target}.";
    IssueSelfDependency => "Tugas tidak boleh bergantung pada dirinya sendiri.", "A task cannot depend on itself.";
    IssueNegative => "Jumlah {value} negatif; uang tidak boleh di bawah nol.", "The amount {value} is negative; money cannot be below zero.";
    IssueNotFinite => "Nilainya bukan angka yang terhingga.", "The value is not a finite number.";
    IssueEndBeforeStart => "Tanggal akhir {end} jatuh sebelum tanggal mulai {start}.", "The end date {end} comes before the start date {start}.";
    IssueMinAboveMax => "Batas bawah {min} lebih besar dari batas atas {max}.", "The minimum {min} is above the maximum {max}.";
    RefKpi => "KPI", "KPI";
    RefProblem => "masalah", "problem";
    RefTask => "tugas", "task";
    RefEvidence => "catatan pasar, kompetitor, atau persona", "market note, competitor or persona";
    RefGap => "celah pasar", "market gap";
    RefPersona => "persona", "persona";
    // Number input
    NumberEmpty => "Ketik sebuah angka.", "Type a number.";
    NumberInvalidCharacter => "“{text}” bukan angka: “{found}” tidak boleh ada di dalamnya.", "“{text}” is not a number: “{found}” does not belong in it.";
    NumberSign => "“{text}” bukan angka: tulis paling banyak satu tanda + atau -, di depan angkanya.", "“{text}” is not a number: write at most one + or - sign, before the digits.";
    NumberSeparators => "“{text}” bukan angka: titik dan komanya ada di tempat yang salah. Tulis misalnya 1.500.000,50.", "“{text}” is not a number: separators are in the wrong places. Write it like 1,500,000.50.";
    NumberUnits => "“{text}” bukan angka: hanya boleh ada satu simbol mata uang atau tanda persen.", "“{text}” is not a number: it may have only one currency or percent sign.";
    NumberTooLarge => "“{text}” terlalu besar untuk dihitung.", "“{text}” is too large to calculate with.";
    NumberOtherCurrency => "“{text}” tertulis dalam {found}, padahal kolom ini dalam {expected}.", "“{text}” is written in {found}, but this field is in {expected}.";

    // Wizard: strategy to action plan
    ChannelSeo => "SEO", "SEO";
    ChannelSem => "SEM (iklan pencarian)", "SEM (paid search)";
    ChannelInstagram => "Instagram", "Instagram";
    ChannelFacebook => "Facebook", "Facebook";
    ChannelTiktok => "TikTok", "TikTok";
    ChannelX => "X (Twitter)", "X (Twitter)";
    ChannelLinkedin => "LinkedIn", "LinkedIn";
    ChannelYoutube => "YouTube", "YouTube";
    ChannelEmail => "Email marketing", "Email marketing";
    ChannelContent => "Pemasaran konten", "Content marketing";
    ChannelWebsite => "Situs web", "Website";
    ChannelOther => "Kanal lain", "Other channel";
    ChannelNone => "Tidak terikat kanal", "No specific channel";
    FieldChannel => "Kanal", "Channel";
    PriorityLow => "Rendah", "Low";
    PriorityMedium => "Sedang", "Medium";
    PriorityHigh => "Tinggi", "High";
    StrategyNewChannel => "Kanal yang ditambahkan", "Channel to add";
    StrategyOtherName => "Nama kanal lain", "Name of the other channel";
    StrategyAdd => "Tambah kanal", "Add channel";
    StrategyAlreadyChosen => "{name} (sudah dipilih)", "{name} (already chosen)";
    StrategyOtherNameRequired => "Tulis dulu nama kanal lainnya.", "Type the other channel's name first.";
    StrategyEmpty => "Belum ada kanal. Pilih kanal di atas, lalu tekan Tambah kanal.", "No channels yet. Pick a channel above, then press Add channel.";
    StrategyChannelName => "Nama kanal", "Channel name";
    StrategyRationale => "Alasan memilih kanal ini", "Why this channel";
    StrategyNeedsRationale => "Tulis alasannya agar manajemen tahu mengapa kanal ini dipilih.", "Write the reason, so management knows why this channel was chosen.";
    StrategyGaps => "Celah pasar yang dijawab", "Market gaps it addresses";
    StrategyGapsEmpty => "Belum ada celah pasar. Tambahkan di langkah Celah pasar.", "No market gaps yet. Add them in the Market gaps step.";
    StrategyPersonas => "Persona yang dijangkau", "Personas it reaches";
    StrategyPersonasEmpty => "Belum ada persona. Tambahkan di langkah Pasar sasaran.", "No personas yet. Add them in the Target market step.";
    StrategyTactics => "Taktik", "Tactics";
    StrategyRemove => "Hapus kanal {name}", "Remove channel {name}";
    UntitledGap => "Celah tanpa deskripsi", "Gap without a description";
    UntitledPersona => "Persona tanpa nama", "Unnamed persona";
    KpiLibrary => "KPI dari pustaka", "KPI from the library";
    KpiAddFromLibrary => "Tambah KPI ini", "Add this KPI";
    KpiAddCustom => "Tambah KPI kustom", "Add a custom KPI";
    KpiFormula => "Rumus", "Formula";
    KpiLibraryAll => "Semua KPI di pustaka beserta rumusnya", "Every KPI in the library, with its formula";
    KpiEmpty => "Belum ada KPI. Pilih dari pustaka, atau tambahkan KPI kustom.", "No KPIs yet. Pick one from the library, or add a custom KPI.";
    KpiCustom => "KPI kustom", "Custom KPI";
    KpiName => "Nama KPI", "KPI name";
    KpiUnit => "Satuan", "Unit";
    KpiDirection => "Arah yang baik", "Which way is good";
    KpiHigherIsBetter => "Makin tinggi makin baik", "Higher is better";
    KpiLowerIsBetter => "Makin rendah makin baik", "Lower is better";
    KpiWithinRange => "Baik bila di dalam rentang", "Good within a range";
    KpiMin => "Batas bawah", "Minimum";
    KpiMax => "Batas atas", "Maximum";
    KpiBaseline => "Nilai awal", "Baseline";
    KpiTarget => "Target", "Target";
    KpiDeadline => "Tenggat", "Deadline";
    KpiRemove => "Hapus KPI {name}", "Remove KPI {name}";
    KpiSessions => "Sesi / traffic situs", "Sessions / website traffic";
    KpiSessionsFormula => "Jumlah sesi menurut analitik situs (mis. Google Analytics)", "Number of sessions in web analytics (e.g. Google Analytics)";
    KpiBounceRate => "Rasio pentalan (bounce rate)", "Bounce rate";
    KpiBounceRateFormula => "Sesi satu halaman ÷ semua sesi × 100", "Single-page sessions ÷ all sessions × 100";
    KpiLeads => "Prospek (leads)", "Leads";
    KpiLeadsFormula => "Jumlah prospek yang terkumpul (formulir, chat, telepon)", "Number of leads collected (forms, chat, calls)";
    KpiConversionRate => "Tingkat konversi", "Conversion rate";
    KpiConversionRateFormula => "Konversi ÷ sesi × 100", "Conversions ÷ sessions × 100";
    KpiSales => "Penjualan", "Sales";
    KpiSalesFormula => "Jumlah pesanan atau unit terjual", "Number of orders or units sold";
    KpiCtr => "CTR (rasio klik-tayang)", "CTR (click-through rate)";
    KpiCtrFormula => "Klik ÷ tayangan × 100", "Clicks ÷ impressions × 100";
    KpiCpc => "CPC (biaya per klik)", "CPC (cost per click)";
    KpiCpcFormula => "Biaya ÷ klik", "Cost ÷ clicks";
    KpiCpm => "CPM (biaya per seribu tayangan)", "CPM (cost per thousand impressions)";
    KpiCpmFormula => "Biaya ÷ tayangan × 1.000", "Cost ÷ impressions × 1,000";
    KpiCpa => "CPA / CAC (biaya per akuisisi)", "CPA / CAC (cost per acquisition)";
    KpiCpaFormula => "Biaya ÷ konversi (atau pelanggan baru)", "Cost ÷ conversions (or new customers)";
    KpiRoas => "ROAS (pendapatan per biaya iklan)", "ROAS (return on ad spend)";
    KpiRoasFormula => "Pendapatan ÷ biaya iklan", "Revenue ÷ ad spend";
    KpiRoi => "ROI (imbal hasil investasi)", "ROI (return on investment)";
    KpiRoiFormula => "(Pendapatan − biaya) ÷ biaya × 100", "(Revenue − cost) ÷ cost × 100";
    KpiRevenue => "Pendapatan", "Revenue";
    KpiRevenueFormula => "Total pendapatan dari kampanye", "Total revenue from the campaign";
    KpiOpenRate => "Tingkat buka email", "Email open rate";
    KpiOpenRateFormula => "Email dibuka ÷ email terkirim × 100", "Emails opened ÷ emails delivered × 100";
    KpiClickRate => "Tingkat klik email", "Email click rate";
    KpiClickRateFormula => "Email diklik ÷ email terkirim × 100", "Emails clicked ÷ emails delivered × 100";
    KpiClickToOpen => "Rasio klik-ke-buka email (CTOR)", "Email click-to-open rate (CTOR)";
    KpiClickToOpenFormula => "Email diklik ÷ email dibuka × 100", "Emails clicked ÷ emails opened × 100";
    KpiEngagementRate => "Tingkat keterlibatan", "Engagement rate";
    KpiEngagementRateFormula => "(Suka + komentar + bagikan + simpan) ÷ jangkauan × 100", "(Likes + comments + shares + saves) ÷ reach × 100";
    KpiFollowers => "Pengikut", "Followers";
    KpiFollowersFormula => "Jumlah pengikut akun di akhir periode", "Number of followers of the account at the end of the period";
    KpiAwareness => "Skor kesadaran merek (survei)", "Brand-awareness survey score";
    KpiAwarenessFormula => "Responden yang mengenal merek ÷ semua responden × 100", "Respondents who know the brand ÷ all respondents × 100";
    BudgetCurrency => "Mata uang", "Currency";
    BudgetTotal => "Total anggaran", "Total budget";
    BudgetAllocations => "Alokasi per kanal", "Allocation per channel";
    BudgetAdd => "Tambah alokasi", "Add allocation";
    BudgetEmpty => "Belum ada alokasi. Tambahkan satu untuk tiap kanal strategi.", "No allocations yet. Add one for each channel of the strategy.";
    BudgetAmount => "Jumlah", "Amount";
    BudgetShare => "Porsi dari total", "Share of the total";
    BudgetPriority => "Prioritas", "Priority";
    BudgetExpectedReturn => "Perkiraan hasil (pendapatan)", "Expected return (revenue)";
    BudgetExpectedRoi => "Perkiraan ROI", "Expected ROI";
    BudgetRemove => "Hapus alokasi {name}", "Remove allocation {name}";
    BudgetAllocated => "Teralokasi", "Allocated";
    BudgetRemaining => "Sisa", "Remaining";
    BudgetOverallRoi => "Perkiraan ROI keseluruhan", "Expected overall ROI";
    BudgetOver => "Alokasi melebihi total sebesar {amount}. Kurangi alokasi atau naikkan total.", "Allocations exceed the total by {amount}. Reduce them or raise the total.";
    BudgetUnder => "{amount} belum dialokasikan.", "{amount} is not allocated yet.";
    BudgetBalanced => "Seluruh anggaran sudah dialokasikan.", "The whole budget is allocated.";
    BudgetNoTotal => "Isi total anggaran dulu; porsi persen dihitung dari total.", "Set the total budget first; the percentages are shares of it.";
    TaskAdd => "Tambah tugas", "Add task";
    TaskEmpty => "Belum ada tugas. Tambahkan tugas pertama rencana aksi.", "No tasks yet. Add the first task of the action plan.";
    TaskTitle => "Tugas", "Task";
    TaskOwner => "Penanggung jawab", "Owner";
    TaskStart => "Tanggal mulai", "Start date";
    TaskEnd => "Tanggal selesai", "End date";
    TaskStatusLabel => "Status", "Status";
    TaskTodo => "Belum mulai", "To do";
    TaskDoing => "Dikerjakan", "In progress";
    TaskBlocked => "Terhambat", "Blocked";
    TaskDone => "Selesai", "Done";
    TaskDependsOn => "Bergantung pada (harus selesai lebih dulu)", "Depends on (must end first)";
    TaskDependsEmpty => "Belum ada tugas lain.", "No other tasks yet.";
    TaskRemove => "Hapus tugas {name}", "Remove task {name}";
    TaskUntitled => "Tugas tanpa judul", "Untitled task";
    TimelineTitle => "Linimasa", "Timeline";
    TimelineCampaign => "Jendela kampanye: {start} – {end}", "Campaign window: {start} – {end}";
    TimelineTasksSpan => "Rentang tugas: {start} – {end} (tujuan belum punya tanggal mulai dan selesai)", "Tasks' span: {start} – {end} (the goal has no start and end dates yet)";
    TimelineEmpty => "Beri tanggal pada tugas untuk melihat linimasanya.", "Give the tasks dates to see the timeline.";
    TimelineToday => "Hari ini", "Today";
    TimelineNoDates => "belum ada tanggal", "no dates yet";
    TimelineOutside => "di luar jendela", "outside the window";
    TimelineHint => "Pilih sebuah batang untuk menyunting tugasnya.", "Select a bar to edit its task.";
    ConflictsTitle => "Konflik jadwal", "Schedule conflicts";
    ConflictsNone => "Tidak ada konflik jadwal.", "No schedule conflicts.";
    ConflictMark => "Konflik", "Conflict";
    ConflictEndsBeforeStart => "“{task}” selesai sebelum mulai.", "“{task}” ends before it starts.";
    ConflictBeforeDependency => "“{task}” mulai sebelum “{dependency}” selesai, padahal bergantung padanya.", "“{task}” starts before “{dependency}” ends, though it depends on it.";
    ConflictOutside => "“{task}” berada di luar jendela kampanye ({start} – {end}).", "“{task}” falls outside the campaign window ({start} – {end}).";
    ConflictCycle => "Ketergantungan melingkar: {tasks}.", "Circular dependency: {tasks}.";
}
