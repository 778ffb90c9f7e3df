//! Build script: checks the catalog's data files (`data/`) and turns them into Rust
//! (`$OUT_DIR/catalog_data.rs`, included by `src/catalog/mod.rs`). See `build/catalog.rs` for why.

#[path = "build/catalog.rs"]
mod catalog;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=build");
    let code = catalog::generate(std::path::Path::new("data"));
    let out = std::env::var_os("OUT_DIR").map(PathBuf::from);
    match (code, out) {
        (Ok(code), Some(out)) => {
            if let Err(e) = std::fs::write(out.join("catalog_data.rs"), code) {
                fail(&format!("cannot write catalog_data.rs: {e}"));
            }
        }
        (Err(e), _) => fail(&format!("a data file of the catalog is malformed: {e}")),
        (_, None) => fail("OUT_DIR is not set"),
    }
}

/// Fails the build with a message cargo shows.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
