//! Typed relations between two actors named in one sentence, decided by a cue.
//!
//! For each cue in a sentence, the pair it links is read from the words around it, the
//! way a reader would, trying in order:
//! 1. `the alliance between A and B`: the two actors joined by `and` after `between`;
//! 2. `US-Iran talks`, `Israel-Hamas conflict`: two actors hyphenated just before it;
//! 3. `A and B cooperate`, `Israel and Iran into a truce`: two actors joined by `and`
//!    before it;
//! 4. `A harbored B`: the nearest subject-like actor before and the nearest actor after.
//!    Noun cues (`truce`) take this form only as `A's truce with B`.
//!
//! What keeps the reading honest:
//! - negation: a negator among the three words before the cue (`never engaged in turf
//!   battles`), or a hedge earlier in the sentence (`no signs that`), skips the cue;
//! - the first cue after an actor claims it (`Zawahiri's allegiance to the leader of
//!   the Taliban` is not a leadership relation of Zawahiri's);
//! - an actor in a prepositional phrase (`withdrew from Afghanistan`, `the rulers of
//!   Afghanistan`) is a place or a part, not a party, unless the preposition belongs to
//!   the cue (`chief of AQIS`);
//! - a clause break (`, and`, `;`) between actor and cue ends the reach;
//! - a passive (`was killed by`) needs `by` before its agent and swaps the direction;
//! - each side lies within the relation type's window of words, and the actors' kinds
//!   must fit the type (a leader is a person).

use crate::matcher::Matcher;
use crate::model::{ActorId, ActorKind, Mention, RelTypeId, RelationType, Span};

const NEGATORS: &[&str] = &["not", "never", "no", "nor", "without", "cannot", "neither", "rather"];
/// Hedges that negate everything after them in the sentence.
const HEDGES: &[&str] =
    &["no signs", "no indication", "no indications", "no evidence", "resisted", "refused to", "unlikely to"];
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "from",
    "into",
    "inside",
    "within",
    "across",
    "throughout",
    "at",
    "near",
    "toward",
    "towards",
    "over",
    "on",
];
const ARTICLES: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "new", "former", "local"];
const PARTICIPLES: &[&str] = &["fought", "held", "led", "paid", "sought", "brought", "taught", "kept", "hit"];
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

#[derive(Debug, Clone)]
pub struct CueFinder {
    matcher: Matcher,
    cues: Vec<Cue>,
}

#[derive(Debug, Clone)]
struct Cue {
    rel: RelTypeId,
    reverse: bool,
    noun: bool,
    term: String,
}

/// A relation read from one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub source: ActorId,
    pub target: ActorId,
    pub rel: RelTypeId,
    pub cue: Span,
    pub cue_term: String,
    pub source_span: Span,
    pub target_span: Span,
}

/// A cue that produced no relation, and why (kept as a diagnostic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub cue: Span,
    pub reason: &'static str,
}

impl CueFinder {
    pub fn new(types: &[RelationType]) -> CueFinder {
        let mut cues = Vec::new();
        for (i, t) in types.iter().enumerate() {
            for (list, reverse, noun) in
                [(&t.cues, false, false), (&t.reverse_cues, true, false), (&t.noun_cues, false, true)]
            {
                for term in list {
                    cues.push(Cue { rel: i as RelTypeId, reverse, noun, term: term.clone() });
                }
            }
        }
        let matcher = Matcher::new(cues.iter().enumerate().map(|(i, c)| (c.term.as_str(), i as u32)));
        CueFinder { matcher, cues }
    }

    /// Relations in `sentence`; `mentions` are the document's, sorted by start, and
    /// `kinds[actor]` gives each actor's kind.
    pub fn find(
        &self,
        text: &str,
        sentence: Span,
        mentions: &[Mention],
        types: &[RelationType],
        kinds: &[ActorKind],
    ) -> (Vec<Found>, Vec<Skipped>) {
        let in_sentence: Vec<Mention> = mentions.iter().filter(|m| sentence.contains(m.span)).copied().collect();
        let (mut found, mut skipped) = (Vec::new(), Vec::new());
        let distinct = in_sentence.iter().map(|m| m.actor).collect::<std::collections::BTreeSet<_>>().len();
        if distinct < 2 {
            return (found, skipped);
        }
        let s = &text[sentence.range()];
        let hits = self.matcher.find(s);
        let cue_starts: Vec<u32> = hits.iter().map(|h| sentence.start + h.span.start).collect();
        for hit in hits {
            let cue = &self.cues[hit.payload as usize];
            let ty = &types[cue.rel as usize];
            let span = Span::new((sentence.start + hit.span.start) as usize, (sentence.start + hit.span.end) as usize);
            // A cue inside an actor's name (`Islamic Emirate`) is part of the name.
            if in_sentence.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                continue;
            }
            if negated(&text[sentence.start as usize..span.start as usize]) {
                skipped.push(Skipped { cue: span, reason: "negated" });
                continue;
            }
            let claimed_from = cue_starts.iter().copied().filter(|&c| c < span.start).max().unwrap_or(0);
            let open: Vec<Mention> =
                in_sentence.iter().filter(|m| m.span.start >= span.end || m.span.end > claimed_from).copied().collect();
            let reader = Reader { text, sentence, cue: span, noun: cue.noun, window: ty.window.max(1) as usize };
            let Some((a, b, passive)) = reader.pair(&open) else {
                skipped.push(Skipped { cue: span, reason: "no actor pair around the cue" });
                continue;
            };
            let (mut src, mut dst) = (a, b);
            if cue.reverse != passive {
                std::mem::swap(&mut src, &mut dst);
            }
            if !ty.directed && src.actor > dst.actor {
                std::mem::swap(&mut src, &mut dst);
            }
            let fits =
                |allowed: &[ActorKind], m: &Mention| allowed.is_empty() || allowed.contains(&kinds[m.actor as usize]);
            if !fits(&ty.source_kinds, &src) || !fits(&ty.target_kinds, &dst) {
                skipped.push(Skipped { cue: span, reason: "the actors' kinds do not fit the relation type" });
                continue;
            }
            found.push(Found {
                source: src.actor,
                target: dst.actor,
                rel: cue.rel,
                cue: span,
                cue_term: cue.term.clone(),
                source_span: src.span,
                target_span: dst.span,
            });
        }
        (found, skipped)
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '\u{2014}')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A negator among the three words before the cue, or a hedge anywhere before it.
fn negated(before: &str) -> bool {
    let lower = before.to_lowercase();
    let ws = words(&lower);
    ws.iter().rev().take(3).any(|w| NEGATORS.contains(&w.as_str()) || w.ends_with("n't") || w.ends_with("n\u{2019}t"))
        || HEDGES.iter().any(|h| lower.contains(h))
}

struct Reader<'a> {
    text: &'a str,
    sentence: Span,
    cue: Span,
    noun: bool,
    window: usize,
}

impl Reader<'_> {
    fn gap(&self, a: u32, b: u32) -> &str {
        if a < b {
            &self.text[a as usize..b as usize]
        } else {
            ""
        }
    }

    /// Two mentions of different actors joined by `and` (optionally `and the`).
    fn joined_by_and(&self, a: &Mention, b: &Mention) -> bool {
        a.actor != b.actor && matches!(words(self.gap(a.span.end, b.span.start)).as_slice(), [w] if w == "and")
            || a.actor != b.actor
                && matches!(words(self.gap(a.span.end, b.span.start)).as_slice(), [w, t] if w == "and" && t == "the")
    }

    fn hyphenated(&self, a: &Mention, b: &Mention) -> bool {
        a.actor != b.actor && self.gap(a.span.end, b.span.start) == "-"
    }

    /// The words between a mention and the cue, without articles, end in a preposition.
    fn behind_preposition(&self, gap: &str) -> bool {
        let ws: Vec<String> = words(gap).into_iter().filter(|w| !ARTICLES.contains(&w.as_str())).collect();
        ws.last().is_some_and(|w| PREPOSITIONS.contains(&w.as_str()))
    }

    fn clause_break(gap: &str) -> bool {
        gap.contains(", and") || gap.contains(", but") || gap.contains(';') || gap.contains(", while")
    }

    /// A subject-like actor before the cue, nearest first.
    fn left<'m>(&self, ms: &'m [Mention]) -> Option<&'m Mention> {
        ms.iter().rev().filter(|m| m.span.end <= self.cue.start).find(|m| {
            let gap = self.gap(m.span.end, self.cue.start);
            let before = self.gap(self.sentence.start, m.span.start);
            // `... the US invasion in 2001 and maintains ties with ...`: a new verb's subject.
            let ws = words(gap);
            let new_verb = ws.windows(2).any(|p| p[0] == "and" && p[1].ends_with('s') && !p[1].ends_with("ss"));
            words(gap).len() <= self.window
                && !Reader::clause_break(gap)
                && !new_verb
                && !self.behind_preposition(before)
        })
    }

    /// `was killed`, `were pressured`; not `is hosting`.
    fn passive(&self) -> bool {
        let cue_word = words(self.gap(self.cue.start, self.cue.end)).into_iter().next().unwrap_or_default();
        let participle =
            cue_word.ends_with("ed") || cue_word.ends_with("en") || PARTICIPLES.contains(&cue_word.as_str());
        let before = words(self.gap(self.sentence.start, self.cue.start));
        participle
            && before
                .iter()
                .rev()
                .find(|w| !(w.ends_with("ly") || *w == "then" || *w == "also"))
                .is_some_and(|w| BE.contains(&w.as_str()))
    }

    /// The nearest actor after the cue that is not `not`.
    fn right<'m>(&self, ms: &'m [Mention], not: Option<ActorId>, passive: bool) -> Option<&'m Mention> {
        let m = ms.iter().filter(|m| m.span.start >= self.cue.end && Some(m.actor) != not).find(|m| {
            let gap = self.gap(self.cue.end, m.span.start);
            words(gap).len() <= self.window && !Reader::clause_break(gap) && !self.behind_preposition(gap)
                || passive
                    && words(gap).iter().filter(|w| !ARTICLES.contains(&w.as_str())).last().is_some_and(|w| w == "by")
        })?;
        let gap = self.gap(self.cue.end, m.span.start);
        let by = words(gap).iter().filter(|w| !ARTICLES.contains(&w.as_str())).last().is_some_and(|w| w == "by");
        // A new clause's subject (`... global ambitions and the Taliban had ...`).
        let ws = words(gap);
        let new_clause = ws.len() > 1
            && matches!(ws.iter().filter(|w| !ARTICLES.contains(&w.as_str())).last(), Some(w) if w == "and");
        (!new_clause && (!passive || by)).then_some(m)
    }

    /// The pair the cue links, and whether the clause is passive.
    fn pair(&self, ms: &[Mention]) -> Option<(Mention, Mention, bool)> {
        let after = words(&self.text[self.cue.end as usize..]);
        let next = after.first().map(String::as_str);
        let right: Vec<&Mention> = ms.iter().filter(|m| m.span.start >= self.cue.end).collect();
        let left: Vec<&Mention> = ms.iter().rev().filter(|m| m.span.end <= self.cue.start).collect();
        // 1. "between A and B".
        if next == Some("between") {
            if let [a, b, ..] = right.as_slice() {
                if words(self.gap(self.cue.end, a.span.start)).len() <= 3 && self.joined_by_and(a, b) {
                    return Some((**a, **b, false));
                }
            }
        }
        // 2. "A-B <cue>".
        if let [b, a, ..] = left.as_slice() {
            if self.hyphenated(a, b) && words(self.gap(b.span.end, self.cue.start)).len() <= 2 {
                return Some((**a, **b, false));
            }
        }
        // 3. "A and B <cue>".
        if let [b, a, ..] = left.as_slice() {
            let gap = self.gap(b.span.end, self.cue.start);
            // `A and B share antipathy towards C` is A and B against C, not each other.
            let shared = words(gap).iter().any(|w| matches!(w.as_str(), "share" | "shared" | "mutual" | "common"));
            if self.joined_by_and(a, b) && words(gap).len() <= self.window && !Reader::clause_break(gap) && !shared {
                return Some((**a, **b, false));
            }
        }
        // 4. "A <cue> B"; nouns only as "A's <cue> with B".
        if self.noun && !matches!(next, Some("with" | "to")) {
            return None;
        }
        let passive = !self.noun && self.passive();
        let a = self.left(ms)?;
        let b = self.right(ms, Some(a.actor), passive)?;
        Some((*a, *b, passive))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt(key: &str, directed: bool, cues: &[&str], reverse: &[&str], nouns: &[&str]) -> RelationType {
        let list = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
        RelationType {
            key: key.into(),
            name: key.into(),
            directed,
            cues: list(cues),
            reverse_cues: list(reverse),
            noun_cues: list(nouns),
            ..RelationType::default()
        }
    }

    /// Actors are written as `[N:name]` in the fixture.
    fn run(fixture: &str) -> Vec<String> {
        let mut types = vec![
            rt("alliance", false, &["alliance", "allies", "cooperat*", "ties with"], &[], &[]),
            rt("sanctuary", true, &["harbored", "hosting"], &["relies on"], &[]),
            rt("rivalry", false, &["turf battles", "rival*", "killed"], &[], &[]),
            rt("negotiation", false, &[], &[], &["talks", "truce", "agreement"]),
            rt("leadership", true, &["chief of"], &["leader"], &[]),
        ];
        types[4].source_kinds = vec![ActorKind::Person];
        types[4].window = 3;
        let kinds =
            [ActorKind::ArmedGroup, ActorKind::ArmedGroup, ActorKind::State, ActorKind::Person, ActorKind::State];
        let mut text = String::new();
        let mut mentions = Vec::new();
        let mut rest = fixture;
        while let Some(i) = rest.find('[') {
            text.push_str(&rest[..i]);
            let j = rest[i..].find(']').unwrap() + i;
            let (id, name) = rest[i + 1..j].split_once(':').unwrap();
            let start = text.len();
            text.push_str(name);
            mentions.push(Mention { actor: id.parse().unwrap(), span: Span::new(start, text.len()) });
            rest = &rest[j + 1..];
        }
        text.push_str(rest);
        let finder = CueFinder::new(&types);
        let (found, skipped) = finder.find(&text, Span::new(0, text.len()), &mentions, &types, &kinds);
        let mut out: Vec<String> = found
            .iter()
            .map(|f| format!("{} {} {} via {}", f.source, types[f.rel as usize].key, f.target, &text[f.cue.range()]))
            .collect();
        out.extend(skipped.iter().map(|s| format!("skipped {}: {}", &text[s.cue.range()], s.reason)));
        out
    }

    #[test]
    fn reads_between_around_and_before_the_cue() {
        assert_eq!(
            run("The alliance between [1:al-Qaeda] and the [0:Taliban] has endured."),
            ["0 alliance 1 via alliance"]
        );
        assert_eq!(run("The [0:Taliban] harbored [1:al-Qaeda] for years."), ["0 sanctuary 1 via harbored"]);
        assert_eq!(run("[1:Al-Qaeda] relies on the [0:Taliban] for everything."), ["0 sanctuary 1 via relies on"]);
        assert_eq!(run("[1:Al-Qaeda] and the [0:Taliban] cooperate in the east."), ["0 alliance 1 via cooperate"]);
        assert_eq!(run("The [2:US] pressed [4:Israel] and [2:Iran] into a truce."), ["2 negotiation 4 via truce"]);
        assert_eq!(run("Renewed [2:US]-[4:Iran] talks are up in the air."), ["2 negotiation 4 via talks"]);
    }

    #[test]
    fn negated_hedged_and_distant_cues_give_nothing() {
        assert_eq!(
            run("[0:Taliban] and [1:al-Qaeda] have never engaged in turf battles."),
            ["skipped turf battles: negated"]
        );
        assert_eq!(
            run("There are no signs that the [0:Taliban] plans to cut ties with [1:al-Qaeda]."),
            ["skipped ties with: negated"]
        );
        assert_eq!(
            run("[0:Taliban] said many things about many other matters over the long years before rivals like [1:al-Qaeda] came."),
            ["skipped rivals: no actor pair around the cue"]
        );
    }

    #[test]
    fn places_clauses_and_passives_are_read_as_such() {
        assert_eq!(
            run("[1:Al-Qaeda] harbored global ambitions and the [0:Taliban] had always been confined."),
            ["skipped harbored: no actor pair around the cue"]
        );
        assert_eq!(
            run("The [2:US] withdrew from [4:Afghanistan] after an agreement with the [0:Taliban]."),
            ["0 negotiation 2 via agreement"]
        );
        assert_eq!(run("[3:Bin Laden] was then killed by [2:US] forces."), ["2 rivalry 3 via killed"]);
        assert_eq!(
            run("When [3:bin Laden] was killed in 2011, [1:al-Qaeda] chose again."),
            ["skipped killed: no actor pair around the cue"]
        );
        assert_eq!(run("The truce held while the [2:US] hosted talks."), Vec::<String>::new());
    }

    #[test]
    fn kinds_and_claims_constrain_the_pair() {
        assert_eq!(run("The [1:al-Qaeda] leader [3:Zawahiri] spoke."), ["3 leadership 1 via leader"]);
        assert_eq!(
            run("The [0:Taliban] leader spoke to [1:al-Qaeda]."),
            ["skipped leader: the actors' kinds do not fit the relation type"]
        );
        assert_eq!(
            run("[3:Zawahiri] cooperated with the leader of the [0:Taliban]."),
            ["skipped cooperated: no actor pair around the cue", "skipped leader: no actor pair around the cue"]
        );
        assert_eq!(run("The [0:Taliban] and the [0:Taliban] cooperate."), Vec::<String>::new());
    }
}
