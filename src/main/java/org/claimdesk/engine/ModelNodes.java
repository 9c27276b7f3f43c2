package org.claimdesk.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.xml.Element;

/** {@link ModelPolicy.Node}s over the engine's parsed XML and over the DOM. */
public final class ModelNodes {

  private ModelNodes() {
  }

  /** The engine's parsed element (the BPMN parse listener). */
  public static ModelPolicy.Node of(Element element) {
    return new ModelPolicy.Node() {
      @Override
      public String localName() {
        String tag = element.getTagName();
        return tag.substring(tag.indexOf(':') + 1);
      }

      @Override
      public List<Map.Entry<String[], String>> attributes() {
        List<Map.Entry<String[], String>> attributes = new ArrayList<>();
        for (String key : element.attributes()) {
          int colon = key.lastIndexOf(':');
          String[] name = colon < 0 ? new String[] {key, ""} : new String[] {key.substring(colon + 1), key.substring(0, colon)};
          attributes.add(new AbstractMap.SimpleImmutableEntry<>(name, element.attribute(key)));
        }
        return attributes;
      }

      @Override
      public String text() {
        return element.getText();
      }

      @Override
      public List<ModelPolicy.Node> children() {
        return element.elements().stream().map(ModelNodes::of).toList();
      }
    };
  }

  /** A DOM element (the model quality gate, the deployment check of DMN). */
  public static ModelPolicy.Node of(org.w3c.dom.Element element) {
    return new ModelPolicy.Node() {
      @Override
      public String localName() {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
      }

      @Override
      public List<Map.Entry<String[], String>> attributes() {
        List<Map.Entry<String[], String>> attributes = new ArrayList<>();
        var map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
          var attribute = map.item(i);
          String uri = attribute.getNamespaceURI();
          if ("http://www.w3.org/2000/xmlns/".equals(uri)) {
            continue;
          }
          String local = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
          attributes.add(new AbstractMap.SimpleImmutableEntry<>(new String[] {local, uri == null ? "" : uri},
              attribute.getNodeValue()));
        }
        return attributes;
      }

      @Override
      public String text() {
        StringBuilder text = new StringBuilder();
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
          if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
            text.append(child.getNodeValue());
          }
        }
        return text.toString();
      }

      @Override
      public List<ModelPolicy.Node> children() {
        List<ModelPolicy.Node> children = new ArrayList<>();
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
          if (child instanceof org.w3c.dom.Element childElement) {
            children.add(of(childElement));
          }
        }
        return children;
      }
    };
  }
}
