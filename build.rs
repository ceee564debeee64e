//! Build step: process `seeds/` with the core and embed the model in the wasm as
//! postcard bytes, so the browser only deserializes. A corpus error fails the build
//! with messages that name the file, the line and the fix.

use std::path::Path;

fn main() {
    // TIES_SEEDS builds from another folder (the end-to-end suite's hostile corpus).
    println!("cargo:rerun-if-env-changed=TIES_SEEDS");
    let dir = std::env::var("TIES_SEEDS").unwrap_or_else(|_| "seeds".into());
    let dir = Path::new(&dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    let model = match ties_cli::load_dir(dir) {
        Ok(m) => m,
        Err(errors) => {
            let report = ties_cli::report(dir, &errors);
            for line in report.lines() {
                println!("cargo:warning={line}");
            }
            eprintln!("{report}\nthe corpus in seeds/ is invalid: fix the errors above (or run `cargo run -p ties-cli -- check seeds`)");
            std::process::exit(1);
        }
    };
    let bytes = postcard::to_allocvec(&ties_cli::page_model(model)).expect("the model serializes");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("model.postcard");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}
