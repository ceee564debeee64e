//! The graph's controls (relation types, minimum evidence, neighbourhood focus, persons,
//! labels), its legend, and its exports (SVG, PNG, evidence pack as CSV and JSON).

use std::cell::RefCell;
use std::rc::Rc;

use ties_core::graph::Graph;
use ties_core::graph_draw::{
    evidence_csv, evidence_json, kind_color, kind_shape, rel_color, rel_dash, shown_labels, svg,
};
use ties_core::layout::{Layout, Point};
use ties_core::model::ActorKind;
use ties_core::state::{Action, Selection, State};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Env;
use crate::dom;

#[derive(Properties, PartialEq)]
pub struct GraphControlsProps {
    pub graph: Rc<Graph>,
    pub state: State,
    pub layout: Rc<RefCell<Layout>>,
}

/// Draws the SVG on a canvas and downloads it as PNG (all in the page, no network).
fn download_png(svg_text: String) {
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&svg_text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let img2 = img.clone();
    let onload = Closure::once_into_js(move || {
        let (w, h) = (img2.natural_width().max(1), img2.natural_height().max(1));
        let Ok(canvas) = dom::document().create_element("canvas") else { return };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        if let Ok(Some(ctx)) = canvas.get_context("2d") {
            let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
            let _ = ctx.scale(2.0, 2.0);
            let _ = ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0);
        }
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            dom::download_url("ties-graph.png", &data);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

#[function_component(GraphControls)]
pub fn graph_controls(props: &GraphControlsProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let o = &props.state.graph;
    let max_evidence = props
        .graph
        .edges
        .iter()
        .map(|e| e.evidence.len())
        .max()
        .unwrap_or(1)
        .max(m.edges.iter().map(|e| e.evidence.len()).max().unwrap_or(1));
    let on_min = env.callback(|e: InputEvent| {
        Action::SetMinEvidence(e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(1))
    });
    let on_hops = env.callback(|e: Event| {
        Action::SetHops(e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(0))
    });
    let focus_actor = match props.state.selection {
        Some(Selection::Actor(a)) => Some(m.actors[a as usize].name.clone()),
        _ => None,
    };
    let export = |what: &'static str| {
        let (env, graph, layout, all) = (env.clone(), props.graph.clone(), props.layout.clone(), o.all_labels);
        Callback::from(move |_: MouseEvent| {
            let m = &env.corpus;
            match what {
                "svg" | "png" => {
                    let l = layout.borrow();
                    let text = svg(m, &graph, &l, &shown_labels(m, &graph, &l, 1.0, all));
                    if what == "svg" {
                        dom::download("ties-graph.svg", "image/svg+xml", &text);
                    } else {
                        download_png(text);
                    }
                }
                "csv" => dom::download("ties-evidence.csv", "text/csv", &evidence_csv(m, &graph)),
                _ => dom::download("ties-evidence.json", "application/json", &evidence_json(m, &graph)),
            }
        })
    };
    html! {
        <div class="graph-controls" aria-label="Graph controls" role="group">
            <fieldset class="rel-toggles">
                <legend>{ "Relation types" }</legend>
                { for m.relation_types.iter().enumerate().map(|(i, r)| {
                    let id = i as u16;
                    let onchange = env.callback(move |_: Event| Action::ToggleGraphRel(id));
                    html! {
                        <label class="rel-toggle">
                            <input type="checkbox" checked={!o.hidden_rels.contains(&id)} {onchange} data-rel={r.key.clone()} />
                            <svg width="26" height="10" aria-hidden="true"><line x1="1" y1="5" x2="25" y2="5" stroke={rel_color(id)} stroke-width="3" stroke-dasharray={rel_dash(id)} /></svg>
                            { &r.name }
                        </label>
                    }
                }) }
            </fieldset>
            <label class="slider">
                { format!("Minimum evidence: {}", o.min_evidence.max(1)) }
                <input type="range" min="1" max={max_evidence.to_string()} value={o.min_evidence.max(1).to_string()} data-testid="min-evidence"
                       aria-label="Minimum number of evidence sentences per relation" oninput={on_min} />
            </label>
            <label>
                { "Neighbourhood" }
                <select data-testid="hops" onchange={on_hops} aria-label="Neighbourhood focus on the selected actor">
                    <option value="0" selected={o.hops == 0}>{ "whole graph" }</option>
                    <option value="1" selected={o.hops == 1}>{ "1 hop" }</option>
                    <option value="2" selected={o.hops == 2}>{ "2 hops" }</option>
                </select>
                if o.hops > 0 {
                    <span class="hint">{ focus_actor.map_or(" (select an actor)".to_string(), |a| format!(" of {a}")) }</span>
                }
            </label>
            <label><input type="checkbox" checked={o.hide_persons} data-testid="hide-persons" onchange={env.callback(|_: Event| Action::ToggleHidePersons)} />{ " Groups and states only" }</label>
            <label><input type="checkbox" checked={o.all_labels} data-testid="all-labels" onchange={env.callback(|_: Event| Action::ToggleAllLabels)} />{ " All labels" }</label>
            <div class="legend" aria-label="Legend">
                { for ActorKind::ALL.iter().map(|&k| html! {
                    <span class="legend-item">
                        <svg width="14" height="14" aria-hidden="true"><path d={kind_shape(k, Point { x: 7.0, y: 7.0 }, 5.0)} fill={kind_color(k)} /></svg>
                        { k.as_str() }
                    </span>
                }) }
                <span class="legend-item">{ "size = mentions · width = evidence · ⚡ = contested" }</span>
            </div>
            <div class="exports">
                { "Export: " }
                <button type="button" data-testid="export-svg" onclick={export("svg")}>{ "SVG" }</button>
                <button type="button" data-testid="export-png" onclick={export("png")}>{ "PNG" }</button>
                <button type="button" data-testid="export-evidence-csv" onclick={export("csv")}>{ "Evidence CSV" }</button>
                <button type="button" data-testid="export-evidence-json" onclick={export("json")}>{ "Evidence JSON" }</button>
            </div>
        </div>
    }
}
