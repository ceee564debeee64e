//! The IO edge shared by the `ties` command and the app's `build.rs`: reading a seeds
//! folder from disk into the core's [`SeedFile`]s and data-file texts.

pub mod ship;

use std::fs;
use std::path::Path;

use ties_core::input::{self, InputError, SeedFile, CATALOG, LEXICON};
use ties_core::{build_model, Model};

/// Reads `dir` (the `*.txt` seeds plus `catalog.toml` and `lexicon.toml`), validates it
/// and builds the model. Errors name the file, the line and the fix.
pub fn load_dir(dir: &Path) -> Result<Model, Vec<InputError>> {
    let fail = |file: &str, message: String, fix: &str| {
        vec![InputError { file: file.to_string(), line: None, message, fix: fix.to_string() }]
    };
    let entries = fs::read_dir(dir).map_err(|e| {
        fail(
            &dir.display().to_string(),
            format!("cannot read the seeds folder: {e}"),
            "pass the folder that holds the seed .txt files, catalog.toml and lexicon.toml",
        )
    })?;
    let mut seeds = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = fs::read(&path)
                .map_err(|e| fail(&name, format!("cannot read: {e}"), "check the file's permissions"))?;
            seeds.push(SeedFile { name, bytes });
        }
    }
    seeds.sort_by(|a, b| a.name.cmp(&b.name));
    let text = |name: &str| -> Result<String, Vec<InputError>> {
        let bytes = fs::read(dir.join(name)).map_err(|e| {
            fail(name, format!("cannot read: {e}"), "create the file (see the project's seeds/ for the format)")
        })?;
        String::from_utf8(bytes)
            .map_err(|_| fail(name, "the file is not valid UTF-8".into(), "re-save the file as UTF-8"))
    };
    let (catalog, lexicon) = (text(CATALOG)?, text(LEXICON)?);
    let (lex, docs) = input::load(&seeds, &catalog, &lexicon)?;
    Ok(build_model(&lex, &docs))
}

/// Formats errors one per paragraph, prefixed with the folder.
pub fn report(dir: &Path, errors: &[InputError]) -> String {
    errors.iter().map(|e| format!("error: {}/{e}\n", dir.display())).collect()
}

/// The model as `build.rs` embeds it in the page: without diagnostics (the page never
/// shows them; `ties check` does), without the lexicon (the page runs no extraction; it
/// is in `seeds/lexicon.toml` and in `ties extract --json`), and with each clean text
/// stored as a patch against its raw text (see `ties_core::pack`).
pub fn page_model(mut model: Model) -> ties_core::pack::Packed {
    model.diagnostics.clear();
    model.lexicon = Default::default();
    ties_core::pack::pack(model)
}
