//! The relationship graph: an SVG of the core's layout, animated as it settles, with
//! drag-to-pin (double-click releases), wheel / drag / pinch / button zoom and pan, fit
//! to view, neighbourhood highlight on hover, and keyboard-reachable nodes.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use ties_core::graph::Graph;
use ties_core::graph_draw::{
    edge_path, edge_width, kind_color, kind_shape, node_radius, parallel_slots, rel_color, rel_dash, shown_labels,
};
use ties_core::layout::{Layout, Point};
use ties_core::model::ActorId;
use ties_core::num::{f1, Fixed};
use ties_core::set::{Map, Set};
use ties_core::state::{Action, Selection, State};
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::app::Env;

/// Steps per animation frame: the seeds settle in about 15 frames (≈ 250 ms).
const STEPS_PER_FRAME: usize = 8;

#[derive(Clone, Copy, PartialEq)]
pub struct View2 {
    pub k: f32,
    pub tx: f32,
    pub ty: f32,
}

/// What a pointer is doing.
#[derive(Clone, Copy)]
enum Gesture {
    Pan { x0: f32, y0: f32, tx0: f32, ty0: f32 },
    Drag { node: ActorId, moved: f32, x0: f32, y0: f32 },
}

#[derive(Properties, PartialEq)]
pub struct GraphViewProps {
    pub graph: Rc<Graph>,
    pub state: State,
    /// Shared with the toolbar (exports) and the benchmark hooks.
    pub layout: Rc<RefCell<Layout>>,
}

fn fit(layout: &Layout, w: f32, h: f32) -> View2 {
    let (lo, hi) = layout.bounds();
    let pad = 50.0;
    let (gw, gh) = ((hi.x - lo.x).max(1.0) + 2.0 * pad, (hi.y - lo.y).max(1.0) + 2.0 * pad);
    let k = (w / gw).min(h / gh).clamp(0.2, 2.5);
    View2 { k, tx: w / 2.0 - k * (lo.x + hi.x) / 2.0, ty: h / 2.0 - k * (lo.y + hi.y) / 2.0 }
}

#[function_component(GraphView)]
pub fn graph_view(props: &GraphViewProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let g = &props.graph;
    let svg_ref = use_node_ref();
    let tick = use_state(|| 0u32);
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    let view = use_state(|| None::<View2>);
    let hovered = use_state(|| None::<ActorId>);
    let gestures = use_mut_ref(Map::<i32, (f32, f32, Gesture)>::new);
    let pinch = use_mut_ref(|| None::<(f32, View2)>);
    let started = use_mut_ref(|| 0.0f64);
    // Re-fit whenever the layout settles, until the user zooms or pans by hand.
    let auto_fit = use_mut_ref(|| true);

    let size = {
        let svg_ref = svg_ref.clone();
        move || -> (f32, f32) {
            svg_ref
                .cast::<Element>()
                .map(|e| {
                    let r = e.get_bounding_client_rect();
                    (r.width() as f32, r.height() as f32)
                })
                .unwrap_or((800.0, 600.0))
        }
    };

    // A new graph (filters changed): keep positions, place newcomers, reheat.
    {
        let (layout, tick, g) = (props.layout.clone(), tick.clone(), props.graph.clone());
        let started = started.clone();
        use_effect_with(g, move |g| {
            let ids: Vec<ActorId> = g.nodes.iter().map(|n| n.actor).collect();
            let links: Vec<(ActorId, ActorId, f32)> =
                g.edges.iter().map(|e| (e.source, e.target, e.evidence.len() as f32)).collect();
            if layout.borrow_mut().sync(&ids, &links) {
                *started.borrow_mut() = js_sys::Date::now();
                tick.set(*tick + 1);
            }
        });
    }
    // Animate: a few simulation steps per frame until the layout settles.
    {
        let (layout, tick2, frame, view, svg_ref, started, auto_fit) = (
            props.layout.clone(),
            tick.clone(),
            frame.clone(),
            view.clone(),
            svg_ref.clone(),
            started.clone(),
            auto_fit.clone(),
        );
        use_effect_with(*tick, move |_| {
            let settled = layout.borrow().settled();
            if let Some(svg) = svg_ref.cast::<Element>() {
                svg.set_attribute("data-settled", &settled.to_string()).ok();
            }
            if settled {
                if *started.borrow() > 0.0 {
                    let ms = js_sys::Date::now() - *started.borrow();
                    if let Some(svg) = svg_ref.cast::<Element>() {
                        svg.set_attribute("data-settle-ms", &Fixed(ms, 0).to_string()).ok();
                    }
                    *started.borrow_mut() = 0.0;
                }
                if *auto_fit.borrow() {
                    if let Some(svg) = svg_ref.cast::<Element>() {
                        let r = svg.get_bounding_client_rect();
                        view.set(Some(fit(&layout.borrow(), r.width() as f32, r.height() as f32)));
                    }
                }
                return;
            }
            *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                {
                    let mut l = layout.borrow_mut();
                    for _ in 0..STEPS_PER_FRAME {
                        l.step();
                    }
                }
                tick2.set(*tick2 + 1);
            }));
        });
    }
    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    {
        let (svg_ref, view, layout, auto_fit) = (svg_ref.clone(), view.clone(), props.layout.clone(), auto_fit.clone());
        use_effect_with((), move |_| {
            let listener = svg_ref.cast::<Element>().map(|svg| {
                let target = svg.clone();
                EventListener::new_with_options(
                    &svg,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let e: &WheelEvent = e.unchecked_ref();
                        e.prevent_default();
                        let r = target.get_bounding_client_rect();
                        let v = (*view).unwrap_or_else(|| fit(&layout.borrow(), r.width() as f32, r.height() as f32));
                        let (px, py) = (e.client_x() as f32 - r.left() as f32, e.client_y() as f32 - r.top() as f32);
                        let factor = (-(e.delta_y() as f32) * 0.0015).exp();
                        *auto_fit.borrow_mut() = false;
                        view.set(Some(zoom_at(v, factor, px, py)));
                    },
                )
            });
            move || drop(listener)
        });
    }

    let v = (*view).unwrap_or_else(|| {
        let (w, h) = size();
        fit(&props.layout.borrow(), w, h)
    });
    let layout = props.layout.borrow();
    let pos = |a: ActorId| layout.position(a).unwrap_or(Point { x: 0.0, y: 0.0 });

    // Neighbourhood of the hovered (or selected) node.
    let focus = (*hovered).or(match props.state.selection {
        Some(Selection::Actor(a)) => Some(a),
        _ => None,
    });
    let near: Option<Set<ActorId>> = focus.map(|a| {
        let mut s: Set<ActorId> = g.neighbours(a).into_iter().map(|(n, _)| n).collect();
        s.insert(a);
        s
    });
    let selected_edge = match props.state.selection {
        Some(Selection::Edge(a, b, r)) => Some((a, b, r)),
        _ => None,
    };

    // Labels: bigger nodes first, none overlapping, all on zoom or when asked.
    let shown = shown_labels(m, g, &layout, v.k, props.state.graph.all_labels);

    let to_graph = {
        let svg_ref = svg_ref.clone();
        move |e: &PointerEvent, v: View2| -> (f32, f32, Point) {
            let r = svg_ref.cast::<Element>().map(|s| s.get_bounding_client_rect());
            let (left, top) = r.map_or((0.0, 0.0), |r| (r.left() as f32, r.top() as f32));
            let (px, py) = (e.client_x() as f32 - left, e.client_y() as f32 - top);
            (px, py, Point { x: (px - v.tx) / v.k, y: (py - v.ty) / v.k })
        }
    };

    let onpointerdown = {
        let (gestures, pinch, to_graph, svg_ref, auto_fit) =
            (gestures.clone(), pinch.clone(), to_graph.clone(), svg_ref.clone(), auto_fit.clone());
        Callback::from(move |e: PointerEvent| {
            let (px, py, _) = to_graph(&e, v);
            let node = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("[data-node]").ok().flatten())
                .and_then(|el| el.get_attribute("data-node"))
                .and_then(|n| n.parse::<ActorId>().ok());
            // Capture on the SVG itself: Yew delegates events from the document root, so
            // `current_target` is not the SVG, and capturing there would starve its handlers.
            // A node is captured only once it is really dragged, so that clicks and
            // double-clicks still reach it.
            if node.is_none() {
                if let Some(svg) = svg_ref.cast::<Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
            }
            // Any hand-made change of view (pan, drag, pinch) stops the automatic fit.
            *auto_fit.borrow_mut() = false;
            let gesture = match node {
                Some(node) => Gesture::Drag { node, moved: 0.0, x0: px, y0: py },
                None => Gesture::Pan { x0: px, y0: py, tx0: v.tx, ty0: v.ty },
            };
            let mut gs = gestures.borrow_mut();
            gs.insert(e.pointer_id(), (px, py, gesture));
            if gs.len() == 2 {
                let pts: Vec<(f32, f32)> = gs.iter().map(|(_, &(x, y, _))| (x, y)).collect();
                let d = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt().max(1.0);
                *pinch.borrow_mut() = Some((d, v));
            }
        })
    };
    let onpointermove = {
        let (gestures, pinch, to_graph, layout, view, tick, svg_ref) = (
            gestures.clone(),
            pinch.clone(),
            to_graph.clone(),
            props.layout.clone(),
            view.clone(),
            tick.clone(),
            svg_ref.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let (px, py, at) = to_graph(&e, v);
            let mut gs = gestures.borrow_mut();
            let Some(&(_, _, gesture)) = gs.get(&e.pointer_id()) else { return };
            gs.insert(e.pointer_id(), (px, py, gesture));
            if gs.len() == 2 {
                let pts: Vec<(f32, f32)> = gs.iter().map(|(_, &(x, y, _))| (x, y)).collect();
                let d = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt().max(1.0);
                if let Some((d0, v0)) = *pinch.borrow() {
                    let (cx, cy) = ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0);
                    view.set(Some(zoom_at(v0, d / d0 / (v.k / v0.k), cx, cy)));
                }
                return;
            }
            match gesture {
                Gesture::Pan { x0, y0, tx0, ty0 } => {
                    view.set(Some(View2 { k: v.k, tx: tx0 + px - x0, ty: ty0 + py - y0 }))
                }
                Gesture::Drag { node, moved, x0, y0 } => {
                    let moved = moved.max(((px - x0).powi(2) + (py - y0).powi(2)).sqrt());
                    gs.insert(e.pointer_id(), (px, py, Gesture::Drag { node, moved, x0, y0 }));
                    if moved > 3.0 {
                        if let Some(svg) = svg_ref.cast::<Element>() {
                            let _ = svg.set_pointer_capture(e.pointer_id());
                        }
                        let mut l = layout.borrow_mut();
                        l.pin(node, at);
                        l.reheat(0.15);
                        drop(l);
                        tick.set(*tick + 1);
                    }
                }
            }
        })
    };
    let onpointerup = {
        let (gestures, pinch, env) = (gestures.clone(), pinch.clone(), env.clone());
        Callback::from(move |e: PointerEvent| {
            let ended = gestures.borrow_mut().remove(&e.pointer_id());
            *pinch.borrow_mut() = None;
            if let Some((_, _, Gesture::Drag { node, moved, .. })) = ended {
                if moved <= 3.0 {
                    env.dispatch.dispatch(Action::Select(Some(Selection::Actor(node))));
                }
            }
        })
    };
    let zoom_btn = |factor: f32| {
        let (view, size, auto_fit) = (view.clone(), size.clone(), auto_fit.clone());
        Callback::from(move |_: MouseEvent| {
            *auto_fit.borrow_mut() = false;
            let (w, h) = size();
            view.set(Some(zoom_at(v, factor, w / 2.0, h / 2.0)));
        })
    };
    let fit_btn = {
        let (view, layout, size, auto_fit) = (view.clone(), props.layout.clone(), size.clone(), auto_fit.clone());
        Callback::from(move |_: MouseEvent| {
            *auto_fit.borrow_mut() = true;
            let (w, h) = size();
            view.set(Some(fit(&layout.borrow(), w, h)));
        })
    };

    let slots = parallel_slots(&g.edges);
    let edges = g.edges.iter().zip(&slots).map(|(e, &(k, n))| {
        let (d, mid) = edge_path(pos(e.source), pos(e.target), k, n);
        let dim = near.as_ref().is_some_and(|s| !(s.contains(&e.source) && s.contains(&e.target)));
        let selected = selected_edge == Some((e.source, e.target, e.rel));
        let (s, t, r) = (e.source, e.target, e.rel);
        let onclick = env.callback(move |_: MouseEvent| Action::Select(Some(Selection::Edge(s, t, r))));
        let onkeydown = env.callback_filter(move |ev: KeyboardEvent| {
            matches!(ev.key().as_str(), "Enter" | " ").then_some(Action::Select(Some(Selection::Edge(s, t, r))))
        });
        let label = format!(
            "{} {} {}: {} sentence{}{}",
            m.actors[s as usize].name,
            m.relation_types[r as usize].name,
            m.actors[t as usize].name,
            e.evidence.len(),
            if e.evidence.len() == 1 { "" } else { "s" },
            if e.contested { ", contested" } else { "" }
        );
        html! {
            <g class={classes!("edge", dim.then_some("dim"), selected.then_some("selected"), e.contested.then_some("contested"))}
               data-edge={format!("{}-{}-{}", m.actors[s as usize].key, m.relation_types[r as usize].key, m.actors[t as usize].key)}
               {onclick} {onkeydown} tabindex="0" role="button" aria-label={label.clone()}>
                <title>{ label }</title>
                <path class="edge-hit" d={d.clone()} />
                <path class="edge-line" d={d} stroke={rel_color(r)} stroke-width={f1(edge_width(e.evidence.len())).to_string()}
                      stroke-dasharray={rel_dash(r)} />
                if e.contested { <text class="contested-mark" x={f1(mid.x).to_string()} y={f1(mid.y).to_string()} font-size={f1(13.0 / v.k).to_string()}>{ "⚡" }</text> }
            </g>
        }
    });
    let nodes = g.nodes.iter().enumerate().map(|(i, n)| {
        let p = pos(n.actor);
        let r = node_radius(n.mentions);
        let actor = &m.actors[n.actor as usize];
        let a = n.actor;
        let dim = near.as_ref().is_some_and(|s| !s.contains(&a));
        let selected = props.state.selection == Some(Selection::Actor(a));
        let pinned = layout.index(a).is_some_and(|i| layout.nodes[i].pinned);
        let onmouseenter = {
            let hovered = hovered.clone();
            Callback::from(move |_: MouseEvent| hovered.set(Some(a)))
        };
        let onmouseleave = {
            let hovered = hovered.clone();
            Callback::from(move |_: MouseEvent| hovered.set(None))
        };
        let ondblclick = {
            let (layout, tick) = (props.layout.clone(), tick.clone());
            Callback::from(move |_: MouseEvent| {
                let mut l = layout.borrow_mut();
                l.unpin(a);
                l.reheat(0.3);
                drop(l);
                tick.set(*tick + 1);
            })
        };
        let onkeydown = env.callback_filter(move |ev: KeyboardEvent| {
            matches!(ev.key().as_str(), "Enter" | " ").then_some(Action::Select(Some(Selection::Actor(a))))
        });
        let degree = g.edges.iter().filter(|e| e.source == a || e.target == a).count();
        let label = format!("{}, {}, {} mentions, {} relations{}", actor.name, actor.kind.as_str(), n.mentions, degree, if pinned { ", pinned" } else { "" });
        html! {
            <g class={classes!("node", dim.then_some("dim"), selected.then_some("selected"), pinned.then_some("pinned"))}
               data-node={a.to_string()} data-actor={actor.key.clone()} tabindex="0" role="button" aria-label={label}
               {onmouseenter} {onmouseleave} {ondblclick} {onkeydown}>
                <path d={kind_shape(n.kind, p, r)} fill={kind_color(n.kind)} />
                if shown[i] {
                    <text x={f1(p.x).to_string()} y={f1(p.y + r + 12.0 / v.k).to_string()} font-size={f1(12.0 / v.k).to_string()}
                          text-anchor="middle" class="label">{ &actor.name }</text>
                }
            </g>
        }
    });

    html! {
        <div class="graph-wrap">
            <div class="zoom-buttons">
                <button type="button" aria-label="Zoom in" onclick={zoom_btn(1.3)}>{ "+" }</button>
                <button type="button" aria-label="Zoom out" onclick={zoom_btn(1.0 / 1.3)}>{ "−" }</button>
                <button type="button" aria-label="Fit to view" data-testid="fit" onclick={fit_btn}>{ "Fit" }</button>
            </div>
            if g.nodes.is_empty() {
                <p class="empty" role="status">{ "No relations among the documents in view. Loosen the filters or the graph controls." }</p>
            }
            <svg ref={svg_ref} class="graph" data-testid="graph" role="group" aria-label="Relationship graph: tab to reach actors and relations"
                 data-zoom={Fixed(v.k as f64, 3).to_string()}
                 {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                <g transform={format!("translate({} {}) scale({})", Fixed(v.tx as f64, 2), Fixed(v.ty as f64, 2), Fixed(v.k as f64, 4))}>
                    <g class="edges">{ for edges }</g>
                    <g class="nodes">{ for nodes }</g>
                </g>
            </svg>
        </div>
    }
}

fn zoom_at(v: View2, factor: f32, px: f32, py: f32) -> View2 {
    let k = (v.k * factor).clamp(0.1, 8.0);
    let f = k / v.k;
    View2 { k, tx: px - (px - v.tx) * f, ty: py - (py - v.ty) * f }
}
