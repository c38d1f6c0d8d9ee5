//! Prints the static first paint (both languages' frames) that `scripts/postbuild.mjs` writes
//! into `dist/index.html`. See `src/prerender.rs`; it is built natively only.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    println!("{}", alur::prerender::boot_shells());
}
