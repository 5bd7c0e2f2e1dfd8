#pragma once
// The graph in each export format. All output is deterministic: nodes and
// edges sorted by name, fixed decimals, no timestamps.

#include <ostream>
#include <string>

#include "export/selection.hpp"

namespace aikg::exporting {

// Graphviz DOT for ecosystem diagrams: clusters for the open side, the closed
// side and the rest; shape by type, colour by openness, edge style and colour
// by relation; tooltips carry aliases and the evidence sentence; a legend.
void write_dot(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s, const std::string& title);

// GEXF 1.3 for Gephi: declared attributes, viz colour and size, and dynamic
// time from article dates (node and edge start, a spell per sighting date).
void write_gexf(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s);

// GraphML through Boost's write_graphml with dynamic_properties (typed keys).
void write_graphml(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s);

// Node-link JSON, as networkx's node_link_graph(edges="links") and d3 read it.
void write_json(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s);

// Gephi's spreadsheet import: nodes.csv (Id, Label, ...) and edges.csv (Source, Target, Type, Label, Weight, ...).
void write_nodes_csv(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s);
void write_edges_csv(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s);

std::string fixed6(double value);

}  // namespace aikg::exporting
