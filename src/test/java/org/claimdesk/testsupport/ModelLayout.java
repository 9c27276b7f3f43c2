package org.claimdesk.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Gives a hand-written test model the diagram layout the deployment gate requires of every model a
 * person deploys (issue #23): each flow node a shape in a row, each sequence flow an edge, so a test
 * about something else (a refused expression, a bean) is refused or deployed for that reason only.
 */
public final class ModelLayout {

  private ModelLayout() {
  }

  public static String withDiagram(String bpmnXml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
    diagram.setId("BPMNDiagram_" + process.getId().replace('-', '_'));
    BpmnPlane plane = model.newInstance(BpmnPlane.class);
    plane.setId("BPMNPlane_" + process.getId().replace('-', '_'));
    plane.setBpmnElement(process);
    diagram.setBpmnPlane(plane);
    model.getDefinitions().addChildElement(diagram);
    int x = 100;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      BpmnShape shape = model.newInstance(BpmnShape.class);
      shape.setId(node.getId() + "_di");
      shape.setBpmnElement(node);
      Bounds bounds = model.newInstance(Bounds.class);
      bounds.setX(x);
      bounds.setY(100);
      bounds.setWidth(100);
      bounds.setHeight(80);
      shape.setBounds(bounds);
      plane.addChildElement(shape);
      x += 150;
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = model.newInstance(BpmnEdge.class);
      edge.setId(flow.getId() + "_di");
      edge.setBpmnElement(flow);
      for (int i = 0; i < 2; i++) {
        Waypoint point = model.newInstance(Waypoint.class);
        point.setX(100 + i * 50);
        point.setY(140);
        edge.addChildElement(point);
      }
      plane.addChildElement(edge);
    }
    return Bpmn.convertToString(model);
  }
}
