//! Actor mentions: aliases always name their actor; a bare surname (`Haqqani`) names the
//! person most recently introduced by a full alias in the same document, or else the
//! actor that claims it as an alias (the Haqqani Network), or nothing.

use std::collections::HashMap;

use crate::lexicon::LexActor;
use crate::matcher::Matcher;
use crate::model::{ActorId, Mention};

/// What one distinct pattern string means.
#[derive(Debug, Clone, Default)]
struct Meaning {
    alias_of: Option<ActorId>,
    surname_of: Vec<ActorId>,
}

#[derive(Debug, Clone)]
pub struct MentionFinder {
    matcher: Matcher,
    meanings: Vec<Meaning>,
}

impl MentionFinder {
    pub fn new(actors: &[LexActor]) -> MentionFinder {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut meanings: Vec<Meaning> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        let mut slot = |text: &str, meanings: &mut Vec<Meaning>| -> usize {
            *index.entry(text.to_string()).or_insert_with(|| {
                meanings.push(Meaning::default());
                texts.push(text.to_string());
                meanings.len() - 1
            })
        };
        for (id, actor) in actors.iter().enumerate() {
            for alias in &actor.aliases {
                let i = slot(alias, &mut meanings);
                meanings[i].alias_of.get_or_insert(id as ActorId);
            }
            for surname in &actor.surnames {
                let i = slot(surname, &mut meanings);
                meanings[i].surname_of.push(id as ActorId);
            }
        }
        let matcher = Matcher::new(texts.iter().enumerate().map(|(i, t)| (t.as_str(), i as u32)));
        MentionFinder { matcher, meanings }
    }

    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut introduced: Vec<ActorId> = Vec::new(); // most recent last
        let mut out = Vec::new();
        for hit in self.matcher.find(text) {
            let meaning = &self.meanings[hit.payload as usize];
            let by_surname = introduced.iter().rev().find(|a| meaning.surname_of.contains(a)).copied();
            let actor = match (by_surname, meaning.alias_of) {
                (Some(person), _) => person,
                (None, Some(actor)) => {
                    introduced.retain(|&a| a != actor);
                    introduced.push(actor);
                    actor
                }
                (None, None) => continue,
            };
            out.push(Mention { actor, span: hit.span });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    fn actor(name: &str, kind: ActorKind, aliases: &[&str], surnames: &[&str]) -> LexActor {
        LexActor {
            key: name.to_lowercase(),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            surnames: surnames.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn surnames_follow_the_last_introduced_person() {
        let actors = [
            actor("Haqqani Network", ActorKind::ArmedGroup, &["Haqqani Network", "Haqqani"], &[]),
            actor("Jalaluddin", ActorKind::Person, &["Jalaluddin Haqqani"], &["Haqqani"]),
            actor("Sirajuddin", ActorKind::Person, &["Sirajuddin Haqqani"], &["Haqqani"]),
        ];
        let f = MentionFinder::new(&actors);
        let text =
            "Haqqani protection. Jalaluddin Haqqani met them; Haqqani smiled. Sirajuddin Haqqani rose. Haqqani won.";
        let got: Vec<(u16, &str)> = f.find(text).iter().map(|m| (m.actor, &text[m.span.range()])).collect();
        assert_eq!(
            got,
            [(0, "Haqqani"), (1, "Jalaluddin Haqqani"), (1, "Haqqani"), (2, "Sirajuddin Haqqani"), (2, "Haqqani")]
        );
    }
}
