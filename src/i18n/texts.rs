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

    // Approval
    ApprovalSummary => "Ringkasan rencana untuk manajemen", "Plan summary for management";
    ApprovalHowTo => "Tanpa server, persetujuan berpindah lewat berkas: ekspor rencana dan kirimkan ke penyetuju; mereka mengimpornya di Alur, mencatat keputusan, lalu mengekspornya kembali kepada Anda.", "With no server, approval travels as a file: export the plan and send it to your approver; they import it in Alur, record the decision, and export it back to you.";
    ApprovalSubmittedBy => "Diajukan oleh", "Submitted by";
    ApprovalSubmit => "Ajukan untuk persetujuan", "Submit for approval";
    ApprovalSubmitted => "Rencana diajukan untuk persetujuan.", "Plan submitted for approval.";
    ApprovalApprover => "Penyetuju", "Approver";
    ApprovalDecision => "Keputusan", "Decision";
    ApprovalComment => "Komentar", "Comment";
    ApprovalDate => "Tanggal", "Date";
    ApprovalRecord => "Catat keputusan", "Record decision";
    ApprovalRecorded => "Keputusan dicatat: {decision}.", "Decision recorded: {decision}.";
    ApprovalReopen => "Buka kembali untuk perubahan", "Reopen for changes";
    ApprovalReopenedBy => "Dibuka kembali oleh", "Reopened by";
    ApprovalReopened => "Rencana dibuka kembali sebagai revisi {revision}. Riwayat persetujuan tetap tersimpan.", "Plan reopened as revision {revision}. The approval history is kept.";
    ApprovalLocked => "Rencana ini sudah disetujui dan dikunci sebagai acuan. Untuk mengubahnya, buka kembali di langkah Persetujuan manajemen.", "This plan is approved and locked as the baseline. To change it, reopen it in the Management approval step.";
    ApprovalHistory => "Riwayat persetujuan", "Approval history";
    ApprovalNoHistory => "Belum ada pengajuan.", "Nothing submitted yet.";
    ApprovalFingerprint => "Sidik isi", "Content fingerprint";
    ApprovalMatches => "sama dengan versi yang disetujui", "matches the approved version";
    ApprovalChanged => "berubah sejak disetujui", "changed since approval";
    ApprovalNotYet => "belum ada versi yang disetujui", "no approved version yet";
    ApprovalRevision => "Revisi", "Revision";
    ApprovalErrNotDraft => "Hanya rencana berstatus draf yang dapat diajukan.", "Only a draft plan can be submitted.";
    ApprovalErrNotSubmitted => "Rencana belum diajukan.", "The plan has not been submitted.";
    ApprovalErrNotApproved => "Rencana belum disetujui.", "The plan is not approved.";
    ApprovalErrNoApprover => "Isi nama penyetuju.", "Enter the approver's name.";
    DecisionSubmitted => "Diajukan", "Submitted";
    DecisionApproved => "Disetujui", "Approved";
    DecisionChangesRequested => "Perlu perubahan", "Changes requested";
    DecisionRejected => "Ditolak", "Rejected";
    DecisionReopened => "Dibuka kembali", "Reopened";
    SummaryGoal => "Tujuan", "Goal";
    SummaryPeriod => "Periode", "Period";
    SummaryChannels => "Kanal", "Channels";
    SummaryKpis => "KPI", "KPIs";
    SummaryBudget => "Anggaran", "Budget";
    SummaryTasks => "Tugas", "Tasks";
    SummaryNone => "belum diisi", "not filled in yet";
    KpiColName => "KPI", "KPI";
    KpiColBaseline => "Nilai awal", "Baseline";
    KpiColTarget => "Target", "Target";
    KpiColDeadline => "Tenggat", "Deadline";
    TasksCount => "{count} tugas", "{count} tasks";

    // JSON syntax details
    JsonExpectedValue => "seharusnya ada sebuah nilai di sini", "a value was expected here";
    JsonExpectedCommaOrBrace => "seharusnya ada koma atau } di sini", "a comma or } was expected here";
    JsonExpectedCommaOrBracket => "seharusnya ada koma atau ] di sini", "a comma or ] was expected here";
    JsonExpectedColon => "seharusnya ada titik dua (:) setelah nama kolom", "a colon (:) was expected after the field name";
    JsonKeyMustBeString => "nama kolom harus diapit tanda kutip ganda", "field names must be in double quotes";
    JsonTrailingComma => "ada koma berlebih sebelum penutup", "there is an extra comma before the closing bracket";
    JsonTrailingCharacters => "ada teks lain setelah akhir data JSON", "there is more text after the end of the JSON data";
    JsonInvalidEscape => "urutan escape (\\…) tidak sah", "an escape sequence (\\…) is not valid";
    JsonInvalidNumber => "angka tidak sah", "a number is not valid";
    JsonTooDeep => "data bersarang terlalu dalam", "the data is nested too deeply";
    JsonControlCharacter => "ada karakter kendali di dalam teks", "there is a control character inside a text";

    // Recovery
    OpenDamaged => "Rencana tersimpan ini rusak dan tidak dapat dibaca. Datanya disimpan utuh di bagian Data rusak pada halaman Rencana saya.", "This saved plan is damaged and cannot be read. Its data is kept unchanged under Damaged data on the My plans page.";
    OpenNewer => "Rencana ini disimpan oleh versi Alur yang lebih baru. Perbarui aplikasi (muat ulang halaman) untuk membukanya; datanya tidak diubah.", "This plan was saved by a newer version of Alur. Update the app (reload the page) to open it; its data is left unchanged.";
    RecoveryTitle => "Data rusak", "Damaged data";
    RecoveryBody => "Data tersimpan berikut tidak dapat dibaca. Data ini disimpan apa adanya: unduh untuk diperbaiki atau dikirim ke tim dukungan.", "The saved data below could not be read. It is kept exactly as it was: download it to repair it or to send it to support.";
    Download => "Unduh", "Download";
    DownloadNamed => "Unduh {name}", "Download {name}";
    DeleteNamed => "Hapus permanen {name}", "Delete {name} forever";

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

    // Wizard: goals to gaps
    RemoveItem => "Hapus", "Remove";
    ChannelsUsed => "Kanal yang dipakai", "Channels used";
    OtherChannels => "Kanal lain (pisahkan dengan koma)", "Other channels (separate with commas)";
    ChannelSeo => "SEO", "SEO";
    ChannelSem => "SEM (iklan pencarian)", "SEM (paid search)";
    ChannelInstagram => "Instagram", "Instagram";
    ChannelFacebook => "Facebook", "Facebook";
    ChannelTiktok => "TikTok", "TikTok";
    ChannelX => "X (Twitter)", "X (Twitter)";
    ChannelLinkedin => "LinkedIn", "LinkedIn";
    ChannelYoutube => "YouTube", "YouTube";
    ChannelEmail => "Email", "Email";
    ChannelContent => "Pemasaran konten", "Content marketing";
    ChannelWebsite => "Situs web", "Website";
    GoalObjective => "Jenis tujuan", "Objective";
    ObjectiveAwareness => "Kesadaran merek", "Brand awareness";
    ObjectiveLeads => "Prospek (lead)", "Leads";
    ObjectiveSales => "Penjualan", "Sales";
    ObjectiveEngagement => "Keterlibatan (engagement)", "Engagement";
    SmartSpecific => "Spesifik", "Specific";
    SmartMeasurable => "Terukur", "Measurable";
    SmartAchievable => "Dapat dicapai", "Achievable";
    SmartRelevant => "Relevan", "Relevant";
    SmartTimeBound => "Berbatas waktu", "Time-bound";
    GoalSpecific => "Apa yang berubah, dan untuk siapa", "What changes, and for whom";
    GoalSpecificHint => "Misalnya: penjualan produk X kepada profesional muda di Jakarta.", "For example: sales of product X to young professionals in Jakarta.";
    GoalMetric => "Metrik", "Metric";
    GoalMetricHint => "Misalnya: penjualan produk X per bulan.", "For example: monthly sales of product X.";
    GoalUnit => "Satuan", "Unit";
    GoalBaseline => "Nilai saat ini", "Value today (baseline)";
    GoalTarget => "Target", "Target";
    GoalAchievable => "Mengapa target ini dapat dicapai", "Why the target can be reached";
    GoalRelevant => "Tujuan bisnis yang dilayani", "The business objective it serves";
    GoalStart => "Tanggal mulai", "Start date";
    GoalEnd => "Tanggal selesai", "End date";
    SmartCheckTitle => "Pemeriksaan SMART", "SMART check";
    SmartMet => "terpenuhi", "met";
    SmartNotMet => "belum terpenuhi", "not met";
    SmartAllMet => "Kelima huruf SMART terpenuhi.", "All five SMART letters are met.";
    ReasonSpecificMissing => "Tulis apa yang berubah dan untuk siapa.", "Say what changes and for whom.";
    ReasonSpecificTooShort => "Terlalu singkat: sebutkan apa yang berubah dan untuk siapa (paling sedikit tiga kata).", "Too short: say what changes and for whom (at least three words).";
    ReasonMetricMissing => "Beri nama metrik yang diukur.", "Name the metric to measure.";
    ReasonBaselineMissing => "Isi nilai saat ini.", "Fill in today's value.";
    ReasonTargetMissing => "Isi nilai target.", "Fill in the target.";
    ReasonNotFinite => "Nilai awal dan target harus berupa angka.", "The baseline and the target must be numbers.";
    ReasonTargetEqualsBaseline => "Target harus berbeda dari nilai saat ini.", "Target must differ from the baseline.";
    ReasonAchievableMissing => "Jelaskan mengapa target ini dapat dicapai.", "Explain why the target can be reached.";
    ReasonRelevantMissing => "Sebutkan tujuan bisnis yang dilayani sasaran ini.", "Name the business objective this target serves.";
    ReasonStartMissing => "Isi tanggal mulai.", "Fill in the start date.";
    ReasonEndMissing => "Isi tanggal selesai.", "Fill in the end date.";
    ReasonEndNotAfterStart => "Tanggal selesai harus sesudah tanggal mulai.", "End date must be after the start.";
    GoalSentenceTitle => "Kalimat tujuan", "Goal sentence";
    GoalSentenceEmpty => "Isi metrik, nilai saat ini dan target (berbeda) untuk menyusun kalimat tujuan.", "Fill in the metric, today's value and a different target to compose the goal sentence.";
    GoalRaise => "Meningkatkan", "Raise";
    GoalReduce => "Menurunkan", "Reduce";
    GoalByPercent => "sebesar {percent} (dari {from} menjadi {to})", "by {percent} (from {from} to {to})";
    GoalFromTo => "dari {from} menjadi {to}", "from {from} to {to}";
    GoalWithin => "dalam {span} ({start} – {end})", "in {span} ({start} – {end})";
    SpanMonthOne => "1 bulan", "1 month";
    SpanMonths => "{n} bulan", "{n} months";
    SpanWeekOne => "1 minggu", "1 week";
    SpanWeeks => "{n} minggu", "{n} weeks";
    SpanDayOne => "1 hari", "1 day";
    SpanDays => "{n} hari", "{n} days";
    SwotTitle => "Kisi SWOT", "SWOT grid";
    MarketTrends => "Tren terkini", "Current trends";
    MarketOpportunities => "Peluang", "Opportunities";
    MarketChallenges => "Tantangan (ancaman)", "Challenges (threats)";
    MarketStrengths => "Kekuatan internal", "Internal strengths";
    MarketWeaknesses => "Kelemahan internal", "Internal weaknesses";
    NoteTrend => "Tren {n}", "Trend {n}";
    NoteOpportunity => "Peluang {n}", "Opportunity {n}";
    NoteChallenge => "Tantangan {n}", "Challenge {n}";
    NoteStrength => "Kekuatan {n}", "Strength {n}";
    NoteWeakness => "Kelemahan {n}", "Weakness {n}";
    AddTrend => "Tambah tren", "Add a trend";
    AddOpportunity => "Tambah peluang", "Add an opportunity";
    AddChallenge => "Tambah tantangan", "Add a challenge";
    AddStrength => "Tambah kekuatan", "Add a strength";
    AddWeakness => "Tambah kelemahan", "Add a weakness";
    EmptyTrends => "Belum ada tren. Catat perubahan yang sedang terjadi di industri atau perilaku pembeli.", "No trends yet. Note what is changing in the industry or in how people buy.";
    EmptyOpportunities => "Belum ada peluang. Catat celah yang bisa Anda manfaatkan.", "No opportunities yet. Note openings you could use.";
    EmptyChallenges => "Belum ada tantangan. Catat hal yang bisa menghambat kampanye.", "No challenges yet. Note what could hold the campaign back.";
    EmptyStrengths => "Belum ada kekuatan. Catat keunggulan merek atau tim Anda.", "No strengths yet. Note what your brand or team does well.";
    EmptyWeaknesses => "Belum ada kelemahan. Catat hal yang perlu dibenahi.", "No weaknesses yet. Note what needs fixing.";
    AddCompetitor => "Tambah kompetitor", "Add a competitor";
    CompetitorsEmpty => "Belum ada kompetitor. Tambahkan pesaing utama Anda untuk membandingkan kanal dan strateginya.", "No competitors yet. Add your main competitors to compare their channels and strategy.";
    CompetitorHeading => "Kompetitor {n}", "Competitor {n}";
    CompetitorName => "Nama kompetitor", "Competitor name";
    CompetitorWebsite => "Situs web", "Website";
    CompetitorStrategy => "Strategi", "Strategy";
    CompetitorStrengths => "Kekuatan", "Strengths";
    CompetitorWeaknesses => "Kelemahan", "Weaknesses";
    CompetitorNotes => "Catatan", "Notes";
    CompareShow => "Bandingkan berdampingan", "Compare side by side";
    CompareHide => "Sembunyikan perbandingan", "Hide the comparison";
    CompareCaption => "Perbandingan kompetitor", "Competitor comparison";
    CompareAspect => "Aspek", "Aspect";
    CompareEmpty => "Tambahkan minimal satu kompetitor untuk melihat perbandingan.", "Add at least one competitor to see the comparison.";
    AddPersona => "Tambah persona", "Add a persona";
    PersonasEmpty => "Belum ada persona. Gambarkan calon pembeli Anda: siapa mereka, apa yang mereka hargai, dan bagaimana mereka membeli.", "No personas yet. Describe your buyers: who they are, what they value, and how they buy.";
    PersonaHeading => "Persona {n}", "Persona {n}";
    PersonaName => "Nama persona", "Persona name";
    PersonaDemographics => "Demografi", "Demographics";
    PersonaDemographicsHint => "Usia, jenis kelamin, lokasi, penghasilan, pekerjaan.", "Age, gender, location, income, occupation.";
    PersonaPsychographics => "Psikografi", "Psychographics";
    PersonaPsychographicsHint => "Nilai, minat, gaya hidup.", "Values, interests, lifestyle.";
    PersonaBehaviour => "Perilaku", "Behaviour";
    PersonaBehaviourHint => "Kebiasaan membeli dan memakai media.", "Buying habits and media use.";
    PersonaNeeds => "Kebutuhan yang belum terpenuhi", "Needs not yet met";
    PersonaNeedsHint => "Masalah yang ingin mereka selesaikan tetapi belum terlayani.", "Problems they want solved that nobody serves well yet.";
    AddGap => "Tambah celah pasar", "Add a market gap";
    GapsEmpty => "Belum ada celah pasar. Tambahkan kebutuhan yang belum terpenuhi, tren yang naik, atau strategi pesaing yang bisa dilampaui.", "No market gaps yet. Add an unmet need, a rising trend, or a competitor strategy you can beat.";
    GapHeading => "Celah {n}", "Gap {n}";
    GapDescription => "Deskripsi celah", "Gap description";
    GapPriority => "Prioritas", "Priority";
    PriorityLow => "Rendah", "Low";
    PriorityMedium => "Sedang", "Medium";
    PriorityHigh => "Tinggi", "High";
    GapEvidence => "Bukti", "Evidence";
    GapEvidenceEmpty => "Belum ada yang bisa dijadikan bukti. Isi dulu situasi pasar, kompetitor, atau persona.", "Nothing to cite yet. Fill in the market situation, competitors or personas first.";
    EvidenceTrends => "Tren", "Trends";
    EvidenceOpportunities => "Peluang", "Opportunities";
    EvidenceChallenges => "Tantangan", "Challenges";
    EvidenceCompetitors => "Kompetitor", "Competitors";
    EvidencePersonas => "Persona", "Personas";
    MissingSmart => "Huruf {letter} ({name}) dari SMART belum terpenuhi.", "The SMART letter {letter} ({name}) is not met.";
    MissingNoTrends => "Belum ada tren pasar.", "No market trend yet.";
    MissingNoCompetitors => "Belum ada kompetitor.", "No competitor listed yet.";
    MissingUnnamedCompetitor => "Kompetitor {n} belum bernama.", "Competitor {n} has no name.";
    MissingNoPersonas => "Belum ada persona.", "No persona yet.";
    MissingUnnamedPersona => "Persona {n} belum bernama.", "Persona {n} has no name.";
    MissingNoGaps => "Belum ada celah pasar.", "No market gap yet.";
    MissingGapDescription => "Celah {n} belum punya deskripsi.", "Gap {n} has no description.";
    MissingGapEvidence => "Celah {n} belum punya bukti.", "Gap {n} cites no evidence.";
}
