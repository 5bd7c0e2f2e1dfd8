#include <set>

#include "export/style.hpp"
#include "export/writers.hpp"

namespace aikg::exporting {
namespace {

std::string xml(const std::string& s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': break;
            case '\t': out += "&#9;"; break;
            default: out += c;
        }
    }
    return out;
}

void attvalue(std::ostream& out, const char* key, const std::string& value) {
    out << "          <attvalue for=\"" << key << "\" value=\"" << xml(value) << "\"/>\n";
}

}  // namespace

void write_gexf(std::ostream& out, const graph::KnowledgeGraph& kg, const Selection& s) {
    const graph::Graph& g = kg.graph();
    bool dated = false;
    for (const graph::Vertex v : s.nodes) dated = dated || !g[v].first_seen.empty();
    double max_rank = 0.0;
    for (const auto& [v, r] : s.pagerank) max_rank = std::max(max_rank, r);

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
        << "  <meta>\n    <creator>aikg</creator>\n    <description>The open vs closed AI ecosystem, from news articles</description>\n  </meta>\n"
        << "  <graph defaultedgetype=\"directed\" mode=\"" << (dated ? "dynamic\" timeformat=\"date" : "static") << "\">\n"
        << "    <attributes class=\"node\">\n"
        << "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
        << "      <attribute id=\"openness\" title=\"openness\" type=\"string\"/>\n"
        << "      <attribute id=\"arabic\" title=\"arabic name\" type=\"string\"/>\n"
        << "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n"
        << "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
        << "      <attribute id=\"in_catalog\" title=\"in catalog\" type=\"boolean\"/>\n"
        << "    </attributes>\n"
        << "    <attributes class=\"edge\">\n"
        << "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
        << "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
        << "      <attribute id=\"articles\" title=\"article count\" type=\"integer\"/>\n"
        << "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
        << "    </attributes>\n"
        << "    <nodes count=\"" << s.nodes.size() << "\">\n";
    for (const graph::Vertex v : s.nodes) {
        const auto& n = g[v];
        out << "      <node id=\"n" << s.index.at(v) << "\" label=\"" << xml(n.name) << "\"";
        if (!n.first_seen.empty()) out << " start=\"" << full_date(n.first_seen) << "\"";
        out << ">\n        <attvalues>\n";
        attvalue(out, "type", n.type);
        attvalue(out, "openness", n.openness.empty() ? "unknown" : n.openness);
        attvalue(out, "arabic", n.arabic_name);
        attvalue(out, "pagerank", fixed6(s.pagerank.at(v)));
        attvalue(out, "community", std::to_string(s.community.at(v)));
        attvalue(out, "in_catalog", n.in_catalog ? "true" : "false");
        const Rgb c = openness_colour(n.type, n.openness);
        out << "        </attvalues>\n"
            << "        <viz:color r=\"" << c.r << "\" g=\"" << c.g << "\" b=\"" << c.b << "\"/>\n"
            << "        <viz:size value=\"" << fixed6(5.0 + 45.0 * (max_rank > 0 ? s.pagerank.at(v) / max_rank : 0.0)) << "\"/>\n"
            << "      </node>\n";
    }
    out << "    </nodes>\n    <edges count=\"" << s.edges.size() << "\">\n";
    std::size_t id = 0;
    for (const graph::Edge& e : s.edges) {
        const auto& p = g[e];
        std::set<std::string> dates;
        for (const auto& ev : p.evidence)
            if (!ev.article_date.empty()) dates.insert(full_date(ev.article_date));
        out << "      <edge id=\"e" << id++ << "\" source=\"n" << s.index.at(boost::source(e, g)) << "\" target=\"n"
            << s.index.at(boost::target(e, g)) << "\" label=\"" << p.relation << "\" weight=\"" << p.articles << "\"";
        if (p.symmetric) out << " type=\"mutual\"";
        if (dates.size() == 1) out << " start=\"" << *dates.begin() << "\"";
        out << ">\n        <attvalues>\n";
        attvalue(out, "relation", p.relation);
        attvalue(out, "confidence", fixed6(p.confidence));
        attvalue(out, "articles", std::to_string(p.articles));
        attvalue(out, "evidence", p.evidence.front().sentence + " [" + p.evidence.front().article + "]");
        out << "        </attvalues>\n";
        // Seen on several dates: one spell per date, each open-ended, so the timeline shows every sighting.
        if (dates.size() > 1) {
            out << "        <spells>\n";
            for (const auto& d : dates) out << "          <spell start=\"" << d << "\"/>\n";
            out << "        </spells>\n";
        }
        const std::string hex = edge_colour(p.relation);
        const auto channel = [&hex](std::size_t at) { return std::stoi(hex.substr(at, 2), nullptr, 16); };
        out << "        <viz:color r=\"" << channel(1) << "\" g=\"" << channel(3) << "\" b=\"" << channel(5) << "\"/>\n"
            << "        <viz:thickness value=\"" << fixed6(1.0 + static_cast<double>(p.articles - 1)) << "\"/>\n"
            << "      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace aikg::exporting
