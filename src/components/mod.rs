//! Reusable pieces of the page, one component per file, named after it.
//! Pages (`src/pages/`) compose these; each component's root element carries a
//! class named after it, styled in its own section of `style/main.css`.

pub mod app_link;
pub mod doc_date;
pub mod entity_link;
pub mod export_buttons;
pub mod facet_group;
pub mod facet_panel;
pub mod filter_chips;
#[cfg(feature = "sharded")]
pub mod keep_all;
pub mod marked_text;
pub mod match_nav;
pub mod mention_legend;
pub mod mention_text;
pub mod open_full;
pub mod removed_text;
pub mod report_file;
pub mod result_item;
pub mod result_list;
pub mod search_box;
#[cfg(feature = "sharded")]
pub mod shard_problems;
#[cfg(feature = "sharded")]
pub mod shard_status;
pub mod show_if;
pub mod show_more;
pub mod site_footer;
pub mod site_header;
pub mod snippet;
pub mod sort_select;
pub mod timeline_chart;
pub mod timeline_strip;
pub mod timeline_svg;
pub mod undated_visits;
pub mod update_banner;
pub mod visit_card;
