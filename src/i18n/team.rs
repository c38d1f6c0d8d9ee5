//! The texts of team plans (#22), in a table of their own: they load with the team part of the
//! app, so a solo user's first download carries none of them.

texts! {
    /// A text of team plans: sharing, joining, the sync status and presence.
    Tm;
    Title => "Bagikan dengan tim", "Share with team";
    Intro => "Tim Anda menyunting rencana ini bersama, langsung atau saat luring, lewat server sinkronisasi tim. Server itu melihat isi rencana: gunakan server yang dikelola tim Anda sendiri.", "Your team edits this plan together, live or offline, through a team sync server. That server sees the plan's contents: use one your team runs itself.";
    Server => "Alamat server sinkronisasi", "Sync server address";
    ServerHint => "wss://… (atau ws://127.0.0.1:… untuk server di komputer ini)", "wss://… (or ws://127.0.0.1:… for a server on this computer)";
    Token => "Token Anda dari server", "Your token from the server";
    Share => "Bagikan dengan tim", "Share with team";
    SharedVia => "Rencana ini disinkronkan lewat {server}.", "This plan syncs through {server}.";
    InviteLabel => "Tautan undangan (tanpa token Anda: tiap rekan memasukkan tokennya sendiri)", "Invite link (without your token: each colleague enters their own)";
    InviteCopy => "Salin tautan undangan", "Copy invite link";
    InviteCopied => "Tautan undangan disalin.", "Invite link copied.";
    InviteCopyManual => "Peramban tidak mengizinkan penyalinan; tautan sudah dipilih, salin dengan Ctrl+C.", "The browser does not allow copying; the link is selected, copy it with Ctrl+C.";
    Stop => "Berhenti menyinkronkan di peramban ini", "Stop syncing in this browser";
    Stopped => "Rencana ini tidak lagi disinkronkan di peramban ini; isinya tetap di sini.", "This plan no longer syncs in this browser; its contents stay here.";
    Shared => "Rencana dibagikan; menghubungkan ke server tim.", "Plan shared; connecting to the team server.";
    NotWebSocket => "Alamat server harus diawali wss:// (atau ws:// untuk server di komputer ini).", "The server address must start with wss:// (or ws:// for a server on this computer).";
    Unencrypted => "ws:// tanpa enkripsi hanya untuk server di komputer ini; gunakan wss://.", "ws:// without encryption is only for a server on this computer; use wss://.";
    BadRoom => "Nama rencana di server tidak sah.", "The plan's name on the server is not valid.";
    BadToken => "Token kosong atau memuat spasi atau karakter yang tidak sah.", "The token is empty or has spaces or characters a token cannot have.";
    Damaged => "Tautan undangan rusak atau terpotong.", "The invite link is damaged or cut off.";
    NotAPlan => "Tautan undangan ini bukan untuk rencana Alur.", "This invite link is not for an Alur plan.";
    StorageFailed => "Tautan tim tidak dapat disimpan di peramban ini: {reason}", "The team link could not be stored in this browser: {reason}";
    StatusLabel => "Sinkronisasi tim", "Team sync";
    Connecting => "Menghubungkan ke server tim…", "Connecting to the team server…";
    Syncing => "Menyinkronkan…", "Syncing…";
    Synced => "Tersinkron dengan tim", "Synced with the team";
    Offline => "Luring: {count} perubahan menunggu", "Offline: {count} changes waiting";
    OfflineNone => "Luring: tidak ada perubahan menunggu", "Offline: no changes waiting";
    Refused => "Ditolak server ({reason}): rencana tetap di peramban ini", "Refused by the server ({reason}): the plan stays in this browser";
    Viewer => "hanya lihat", "view only";
    Newer => "Rencana bersama ini dibuat dengan Alur yang lebih baru (skema {version}): di sini hanya bisa dilihat. Perbarui Alur untuk menyuntingnya.", "This shared plan was made with a newer Alur (schema {version}): here it can only be viewed. Update Alur to edit it.";
    ViewOnlyEdit => "Token Anda hanya untuk melihat: perubahan ini tidak disimpan.", "Your token is view-only: this change is not kept.";
    You => "Anda: {name}", "You: {name}";
    Peers => "Juga di rencana ini", "Also on this plan";
    PeerOn => "{name} di {page}", "{name} on {page}";
    LostTitle => "Nilai yang tertimpa suntingan bersamaan", "Values replaced by concurrent edits";
    LostIntro => "Dua orang mengubah kolom yang sama pada saat bersamaan; satu nilai dipakai di mana-mana, yang lain tersimpan di sini.", "Two people changed the same field at the same time; one value is kept everywhere, the other is kept here.";
    LostItem => "{field}: «{lost}» oleh {by} diganti «{kept}» ({when})", "{field}: “{lost}” by {by} was replaced by “{kept}” ({when})";
    LostNotice => "Suntingan bersamaan: nilai {field} dari {by} diganti nilai rekan; nilai itu tersimpan di riwayat rencana (Ringkasan).", "Concurrent edit: {by}'s value of {field} was replaced by a colleague's; it is kept in the plan's history (overview).";
    Restore => "Pulihkan", "Restore";
    RestoreLabel => "Pulihkan «{lost}» ke {field}", "Restore “{lost}” to {field}";
    Restored => "{field} kembali berisi «{lost}»; perubahan ini sampai ke tim seperti suntingan lainnya.", "{field} is “{lost}” again; the team gets it like any other edit.";
    InPlanAgain => "(nilai ini kini ada lagi di rencana)", "(this value is in the plan again)";
    RestoreGone => "«{lost}» tidak dapat dipulihkan: butir tempatnya sudah dihapus dari rencana.", "“{lost}” cannot be restored: the item it was in has been deleted from the plan.";
    RestoreBad => "«{lost}» tidak dapat dipulihkan: nilai itu tidak cocok untuk {field}.", "“{lost}” cannot be restored: it is not a valid value for {field}.";
    Someone => "seseorang", "someone";
    Empty => "(kosong)", "(empty)";
    JoinTitle => "Bergabung dengan rencana tim", "Join a team plan";
    JoinBody => "Tautan ini membuka rencana bersama dari server {server}. Token Anda disimpan di peramban ini untuk rencana ini saja.", "This link opens a shared plan from the server {server}. Your token is stored in this browser for this plan only.";
    JoinTokenHint => "Token Anda sendiri, dari pengelola server tim; token menentukan nama dan peran Anda.", "Your own token, from whoever runs your team's server; it names you and your role.";
    JoinButton => "Gabung dan buka rencana", "Join and open the plan";
    JoinBad => "Tautan undangan ini tidak dapat dipakai: {reason}", "This invite link cannot be used: {reason}";
    Fetching => "Mengambil rencana dari server tim…", "Fetching the plan from the team server…";
    Adopted => "Server tim sudah memiliki rencana ini; versi server yang kini terbuka. Versi Anda sebelumnya ada di «Versi terdahulu».", "The team server already had this plan; its version is open now. Your previous version is under “Earlier versions”.";
    PartFailed => "Bagian sinkronisasi tim tidak dapat dimuat (peramban luring dan bagian ini belum tersimpan, atau versi baru Alur menggantikan berkasnya). Rencana ini tetap tersimpan di peramban ini.", "The team sync part could not be loaded (the browser is offline and this part is not stored yet, or a new version of Alur replaced its files). The plan stays stored in this browser.";
}
