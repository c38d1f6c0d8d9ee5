//! Prints the static first paint (both languages' frames) that `scripts/postbuild.mjs` writes
//! into `dist/index.html`. See `src/prerender.rs`; it is built natively only.
//! With the argument `parts`: the wasm chunk of each page, as JSON, for the boot loader.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::args().nth(1).as_deref() == Some("parts") {
        println!("{}", alur::prerender::route_chunks());
    } else {
        println!("{}", alur::prerender::boot_shells());
    }
}
