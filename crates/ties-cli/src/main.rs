//! `ties`: the command for the people who maintain the corpus.
//!
//! - `ties check SEEDS`: validate the folder and report unresolved ligatures, catalog
//!   problems and frequent capitalised names missing from the lexicon;
//! - `ties extract SEEDS --json`: print the whole model as JSON;
//! - `ties ship DIST`: after `trunk build`, add the CSP and write the single-file app.

use std::path::PathBuf;
use std::process::ExitCode;

use ties_cli::{load_dir, report};
use ties_core::check::unknown_names;
use ties_core::model::DiagnosticKind;

const USAGE: &str = "usage: ties check SEEDS_DIR\n       ties extract SEEDS_DIR --json\n       ties ship DIST_DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, dir, json) = match args.as_slice() {
        [cmd, dir] => (cmd.as_str(), PathBuf::from(dir), false),
        [cmd, dir, flag] if flag == "--json" => (cmd.as_str(), PathBuf::from(dir), true),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if cmd == "ship" && !json {
        return match ties_cli::ship::ship(&dir) {
            Ok(s) => {
                println!(
                    "{}: CSP added to index.html; ties.html written ({} bytes)",
                    dir.display(),
                    s.single_file_bytes
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let model = match load_dir(&dir) {
        Ok(m) => m,
        Err(errors) => {
            eprint!("{}", report(&dir, &errors));
            eprintln!("{} error(s); nothing was built", errors.len());
            return ExitCode::FAILURE;
        }
    };
    match (cmd, json) {
        ("extract", true) => {
            println!("{}", serde_json::to_string_pretty(&model).expect("the model serializes"));
            ExitCode::SUCCESS
        }
        ("extract", false) => {
            eprintln!("ties extract prints JSON: add --json\n{USAGE}");
            ExitCode::from(2)
        }
        ("check", _) => check(&model),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(model: &ties_core::Model) -> ExitCode {
    let evidence: usize = model.edges.iter().map(|e| e.evidence.len()).sum();
    println!(
        "{} documents, {} actors ({} mentioned), {} themes, {} relations backed by {} sentences",
        model.docs.len(),
        model.actors.len(),
        (0..model.actors.len())
            .filter(|&a| model.docs.iter().any(|d| d.mentions.iter().any(|m| m.actor as usize == a)))
            .count(),
        model.themes.len(),
        model.edges.len(),
        evidence
    );
    let unresolved: Vec<_> =
        model.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::UnresolvedLigature).collect();
    if unresolved.is_empty() {
        println!("ligatures: all resolved");
    }
    for d in &unresolved {
        println!("unresolved ligature in {}: {}", d.doc, d.message);
    }
    let names = unknown_names(model, 3);
    if !names.is_empty() {
        println!("capitalised names seen 3+ times but not in the lexicon (add them as actors or aliases if they are):");
        for n in names {
            println!("  {:>3}x {}  ({})", n.count, n.name, n.docs.join(", "));
        }
    }
    // Unresolved ligatures leave U+FFFD in the text: the corpus is not clean.
    if unresolved.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
