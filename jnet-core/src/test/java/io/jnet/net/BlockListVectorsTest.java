package io.jnet.net;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnet.error.JnetException;
import io.jnet.testing.NodeJs;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BlockList and SocketAddress against Node 24's answers: every line of {@code
 * blocklist/vectors.txt} (written by {@code src/test/node/blocklist/vectors.js}) is replayed, and
 * each operation's answer (a result, the rules, or the code and message thrown) must be Node's.
 */
class BlockListVectorsTest {
  @Test
  void everyRecordedCaseMatchesNode() throws IOException {
    List<String> lines = read();
    assertTrue(lines.size() > 1000, "vectors.txt holds " + lines.size() + " cases");
    List<String> mismatches = new ArrayList<>();
    int replayed = 0;
    for (String line : lines) {
      String[] parts = line.split("\t", -1);
      String[] ops = parts[0].split(" ; ", -1);
      String[] expected = parts[1].split(" ; ", -1);
      if (!expressibleInJava(ops)) continue;
      replayed++;
      BlockList list = new BlockList();
      for (int i = 0; i < ops.length; i++) {
        String[] words = ops[i].split(" ", -1);
        String[] args = new String[words.length - 1];
        for (int k = 1; k < words.length; k++) args[k - 1] = decode(words[k]);
        String got = answer(list, words[0], args);
        String want = decode(expected[i]);
        if (!sameAnswer(got, want)) {
          mismatches.add(
              decode(parts[0]) + "\n  op " + i + ": node " + want + "\n        jnet " + got);
          break;
        }
      }
    }
    if (!mismatches.isEmpty()) {
      fail(
          mismatches.size()
              + " of "
              + replayed
              + " cases differ from Node, such as:\n"
              + String.join("\n", mismatches.subList(0, Math.min(15, mismatches.size()))));
    }
  }

  @Test
  void committedVectorsAreWhatNodeWritesNow(@TempDir Path dir) throws IOException {
    NodeJs.assumeAvailable();
    Path fresh = dir.resolve("vectors.txt");
    NodeJs.run(NodeJs.script("blocklist/vectors.js"), fresh.toString());
    List<String> now = Files.readAllLines(fresh, StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertEquals(
        now, read(), "vectors.txt is stale: run node src/test/node/blocklist/vectors.js");
  }

  @Test
  void portsAndFlowLabelsCountWhenRangesAndSubnetsAreRemoved() {
    // Node 24 printed these rules after the same calls.
    BlockList list = new BlockList();
    list.addAddress(new SocketAddress("1.1.1.1", 80));
    assertTrue(list.check("1.1.1.1"));
    list.removeAddress("1.1.1.1");
    org.junit.jupiter.api.Assertions.assertEquals(List.of(), list.rules());
    list.addRange(new SocketAddress("1.1.1.1", 80), new SocketAddress("1.1.1.5", 80));
    list.removeRange("1.1.1.1", "1.1.1.5");
    list.addSubnet(new SocketAddress("::", 0, "ipv6", 5), 8);
    list.removeSubnet("::", 8, "ipv6");
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("Subnet: IPv6 ::/8", "Range: IPv4 1.1.1.1-1.1.1.5"), list.rules());
  }

  @Test
  void privateRangesAreNode24s() {
    // Node 24 printed BlockList.PRIVATE_RANGES so.
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "127.0.0.0/8",
            "::1/128",
            "169.254.0.0/16",
            "fe80::/10",
            "fc00::/7"),
        BlockList.PRIVATE_RANGES);
    BlockList list = new BlockList();
    list.addCIDRs(BlockList.PRIVATE_RANGES);
    assertTrue(list.check("192.168.1.1") && list.check("fd00::1", "ipv6"));
    assertTrue(!list.check("8.8.8.8") && list.size() == 8);
  }

  /**
   * Answers are compared exactly, except the order among the address rules of {@code rules}: Node
   * lists those in its hash table's order, jnet newest first (see BlockList's javadoc).
   */
  private static boolean sameAnswer(String got, String want) {
    if (got.equals(want)) return true;
    if (!got.startsWith("R:") || !want.startsWith("R:")) return false;
    return canonicalRules(got).equals(canonicalRules(want));
  }

  private static List<String> canonicalRules(String answer) {
    List<String> rules = new ArrayList<>(List.of(answer.substring(2).split(" \\| ", -1)));
    int addresses = 0;
    while (addresses < rules.size() && rules.get(addresses).startsWith("Address: ")) addresses++;
    java.util.Collections.sort(rules.subList(0, addresses));
    return rules;
  }

  /** Node takes any number for a port or flow label; Java takes an int or a long. */
  private static boolean expressibleInJava(String[] ops) {
    for (String op : ops) {
      String[] w = op.split(" ", -1);
      if (w[0].equals("new") && (!isInteger(w[2]) || !isInteger(w[4]))) return false;
    }
    return true;
  }

  private static boolean isInteger(String word) {
    return word.equals("@none") || word.matches("-?[0-9]+");
  }

  private static String answer(BlockList list, String op, String[] a) {
    try {
      switch (op) {
        case "new":
          return show(
              new SocketAddress(
                  a[0],
                  a[1] == null ? 0 : Integer.parseInt(a[1]),
                  a[2],
                  a[3] == null ? 0 : Long.parseLong(a[3])));
        case "parse":
          return show(SocketAddress.parse(a[0]));
        case "check":
          return "" + (a.length < 2 || a[1] == null ? list.check(a[0]) : list.check(a[0], a[1]));
        case "checkSA":
          return "" + list.check(new SocketAddress(a[0], 0, a[1]));
        case "rules":
          return "R:" + String.join(" | ", list.rules());
        case "size":
          return "" + list.size();
        case "clear":
          list.clear();
          return "ok";
        case "addCIDR":
          list.addCIDR(a[0]);
          return "ok";
        case "removeCIDR":
          list.removeCIDR(a[0]);
          return "ok";
        case "addAddress":
          if (a.length < 2 || a[1] == null) list.addAddress(a[0]);
          else list.addAddress(a[0], a[1]);
          return "ok";
        case "removeAddress":
          if (a.length < 2 || a[1] == null) list.removeAddress(a[0]);
          else list.removeAddress(a[0], a[1]);
          return "ok";
        case "addRange":
          if (a.length < 3 || a[2] == null) list.addRange(a[0], a[1]);
          else list.addRange(a[0], a[1], a[2]);
          return "ok";
        case "removeRange":
          if (a.length < 3 || a[2] == null) list.removeRange(a[0], a[1]);
          else list.removeRange(a[0], a[1], a[2]);
          return "ok";
        case "addSubnet":
          if (a.length < 3 || a[2] == null) list.addSubnet(a[0], Integer.parseInt(a[1]));
          else list.addSubnet(a[0], Integer.parseInt(a[1]), a[2]);
          return "ok";
        case "removeSubnet":
          if (a.length < 3 || a[2] == null) list.removeSubnet(a[0], Integer.parseInt(a[1]));
          else list.removeSubnet(a[0], Integer.parseInt(a[1]), a[2]);
          return "ok";
        case "addAddressSA":
          list.addAddress(new SocketAddress(a[0], 0, a[1]));
          return "ok";
        case "addRangeSA":
          list.addRange(new SocketAddress(a[0], 0, a[1]), new SocketAddress(a[2], 0, a[3]));
          return "ok";
        case "addSubnetSA":
          list.addSubnet(new SocketAddress(a[0], 0, a[1]), Integer.parseInt(a[2]));
          return "ok";
        default:
          throw new AssertionError("unknown operation " + op);
      }
    } catch (JnetException e) {
      return "E:" + e.code() + ":" + e.getMessage();
    }
  }

  private static String show(SocketAddress s) {
    if (s == null) return "undefined";
    return "S:" + s.address() + "," + s.port() + "," + s.family() + "," + s.flowlabel();
  }

  private static String decode(String word) {
    if (word.equals("@none")) return null;
    return URLDecoder.decode(word.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<String> read() throws IOException {
    try (InputStream in =
        BlockListVectorsTest.class.getResourceAsStream("/blocklist/vectors.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      for (String l : text.split("\n")) if (!l.isEmpty()) lines.add(l);
      return lines;
    }
  }
}
