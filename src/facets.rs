//! The facet panel: Actor (grouped by kind, with an "all selected" switch), Source,
//! Theme, Year and Relation type, each with live counts and a type-ahead box.

use std::rc::Rc;

use ties_core::explore::{Count, View};
use ties_core::search::tokens::fold;
use ties_core::state::{Action, ActorMode, Facet, FacetKind, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Env;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub state: State,
    pub view: Rc<View>,
    /// Shown above the facets (the graph's controls in the graph and table views).
    #[prop_or_default]
    pub top: Html,
}

/// One checkbox row's data, whatever the facet.
#[derive(Clone, PartialEq)]
struct Item {
    label: String,
    count: usize,
    selected: bool,
    facet: Facet,
    class: Option<&'static str>,
}

fn items<T: Clone>(list: &[Count<T>], label: impl Fn(&T) -> String, facet: impl Fn(T) -> Facet) -> Vec<Item> {
    list.iter()
        .map(|c| Item {
            label: label(&c.value),
            count: c.count,
            selected: c.selected,
            facet: facet(c.value.clone()),
            class: None,
        })
        .collect()
}

pub fn kind_label(kind: ties_core::model::ActorKind) -> &'static str {
    use ties_core::model::ActorKind::*;
    match kind {
        ArmedGroup => "Armed groups",
        State => "States",
        Person => "People",
        Institution => "Institutions",
    }
}

#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let f = &props.view.facets;
    let actor_groups: Vec<(String, Vec<Item>)> = f
        .actors
        .iter()
        .map(|(kind, list)| {
            let mut items = items(list, |&a| m.actors[a as usize].name.clone(), Facet::Actor);
            for i in &mut items {
                i.class = Some(kind.slug());
            }
            (kind_label(*kind).to_string(), items)
        })
        .collect();
    let sources = items(
        &f.sources,
        |s| {
            if s.is_empty() {
                "Unknown source".into()
            } else {
                s.clone()
            }
        },
        Facet::Source,
    );
    let themes = items(&f.themes, |&t| m.themes[t as usize].name.clone(), Facet::Theme);
    let years = items(&f.years, |y| y.map_or("Unknown date".into(), |y| y.to_string()), Facet::Year);
    let rels = items(&f.rels, |&r| m.relation_types[r as usize].name.clone(), Facet::Rel);
    let mode = props.state.filters.actor_mode;
    let set_mode = |m: ActorMode| env.callback(move |_: Event| Action::SetActorMode(m));
    let mode_switch = html! {
        <fieldset class="mode" data-testid="actor-mode">
            <legend class="visually-hidden">{ "Match documents that mention" }</legend>
            <label><input type="radio" name="actor-mode" checked={mode == ActorMode::Any} onchange={set_mode(ActorMode::Any)} />{ " any selected" }</label>
            <label><input type="radio" name="actor-mode" checked={mode == ActorMode::All} onchange={set_mode(ActorMode::All)} />{ " all selected" }</label>
        </fieldset>
    };
    let active = {
        let f = &props.state.filters;
        f.actors.len() + f.sources.len() + f.themes.len() + f.years.len() + f.rels.len()
    };
    let shown = use_state(|| false);
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    html! {
        <aside class={classes!("facets", shown.then_some("shown"))} aria-label="Filters">
            <button type="button" class="filters-toggle" aria-expanded={shown.to_string()} onclick={toggle}>
                { if active > 0 { format!("Filters ({active} active)") } else { "Filters".to_string() } }
            </button>
            { props.top.clone() }
            <FacetBox title="Actor" kind={FacetKind::Actor} groups={actor_groups} extra={mode_switch} />
            <FacetBox title="Source" kind={FacetKind::Source} groups={vec![(String::new(), sources)]} />
            <FacetBox title="Theme" kind={FacetKind::Theme} groups={vec![(String::new(), themes)]} />
            <FacetBox title="Year" kind={FacetKind::Year} groups={vec![(String::new(), years)]} />
            <FacetBox title="Relation type" kind={FacetKind::Rel} groups={vec![(String::new(), rels)]} />
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct FacetBoxProps {
    title: &'static str,
    kind: FacetKind,
    groups: Vec<(String, Vec<Item>)>,
    #[prop_or_default]
    extra: Html,
}

#[function_component(FacetBox)]
fn facet_box(props: &FacetBoxProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let filter = use_state(String::new);
    let slug = props.title.to_ascii_lowercase().replace(' ', "-");
    let needle = fold(&filter);
    let any_selected = props.groups.iter().any(|(_, g)| g.iter().any(|i| i.selected));
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| filter.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onkeydown = {
        let filter = filter.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                filter.set(String::new());
            }
        })
    };
    let clear = {
        let kind = props.kind;
        env.callback(move |_: MouseEvent| Action::ClearFacet(kind))
    };
    html! {
        <section class="facet" data-facet={slug.clone()} aria-labelledby={format!("facet-{slug}")}>
            <div class="facet-head">
                <h2 id={format!("facet-{slug}")}>{ props.title }</h2>
                if any_selected {
                    <button type="button" class="link" aria-label={format!("Clear the {} filter", props.title)} onclick={clear}>{ "clear" }</button>
                }
            </div>
            { props.extra.clone() }
            <input
                type="search"
                class="facet-filter"
                aria-label={format!("Filter {} values", props.title)}
                placeholder={format!("Filter {}…", props.title.to_ascii_lowercase())}
                value={(*filter).clone()}
                {oninput}
                {onkeydown}
            />
            { for props.groups.iter().map(|(label, items)| {
                let shown: Vec<&Item> = items.iter().filter(|i| needle.is_empty() || fold(&i.label).contains(&needle)).collect();
                html! {
                    if !shown.is_empty() {
                        <div class="facet-group">
                            if !label.is_empty() { <h3>{ label }</h3> }
                            <ul>
                                { for shown.into_iter().map(|i| facet_row(&env, i)) }
                            </ul>
                        </div>
                    }
                }
            }) }
        </section>
    }
}

fn facet_row(env: &Env, item: &Item) -> Html {
    let facet = item.facet.clone();
    let onchange = env.callback(move |_: Event| Action::Toggle(facet.clone()));
    html! {
        <li class={classes!("facet-value", (item.count == 0 && !item.selected).then_some("zero"))}>
            <label>
                <input type="checkbox" checked={item.selected} {onchange} />
                <span class={classes!("value-label", item.class.map(|c| format!("kind-{c}")))}>{ &item.label }</span>
                <span class="value-count">{ item.count }</span>
            </label>
        </li>
    }
}
