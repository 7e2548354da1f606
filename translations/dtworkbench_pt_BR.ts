<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>dt::editor::AmlDocument</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: não é possível abrir: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>There is no document to save.</source>
        <translation>Não há documento para salvar.</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: não é possível gravar: %2</translation>
    </message>
    <message>
        <source>Saving was cancelled.</source>
        <translation>O salvamento foi cancelado.</translation>
    </message>
</context>
<context>
    <name>dt::editor::AttributeModel</name>
    <message>
        <source>Live value (%1)</source>
        <translation>Valor ao vivo (%1)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidade</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
</context>
<context>
    <name>dt::editor::AttributesDock</name>
    <message>
        <source>Attribute</source>
        <translation>Atributo</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nada selecionado</translation>
    </message>
    <message>
        <source>%1, interface %2</source>
        <translation>%1, interface %2</translation>
    </message>
    <message>
        <source>Library class (read-only)</source>
        <translation>Classe de biblioteca (somente leitura)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (somente leitura)</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Add an attribute</source>
        <translation>Adicionar um atributo</translation>
    </message>
    <message>
        <source>Add nested</source>
        <translation>Adicionar aninhado</translation>
    </message>
    <message>
        <source>Add an attribute inside the selected one</source>
        <translation>Adicionar um atributo dentro do selecionado</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Remove the selected attribute</source>
        <translation>Remover o atributo selecionado</translation>
    </message>
</context>
<context>
    <name>dt::editor::ClassPickerDialog</name>
    <message>
        <source>Choose a role class</source>
        <translation>Escolher uma classe de papel</translation>
    </message>
    <message>
        <source>Choose an interface class</source>
        <translation>Escolher uma classe de interface</translation>
    </message>
    <message>
        <source>Filter classes</source>
        <translation>Filtrar classes</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>dt::editor::CommandText</name>
    <message>
        <source>Add attribute %1</source>
        <translation>Adicionar atributo %1</translation>
    </message>
    <message>
        <source>Remove attribute %1</source>
        <translation>Remover atributo %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Adicionar %1</translation>
    </message>
    <message>
        <source>New element %1</source>
        <translation>Novo elemento %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remover %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n element(s)</source>
        <translation>
            <numerusform>Remover %n elemento</numerusform>
            <numerusform>Remover %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>New instance hierarchy %1</source>
        <translation>Nova hierarquia de instâncias %1</translation>
    </message>
    <message>
        <source>Remove instance hierarchy %1</source>
        <translation>Remover hierarquia de instâncias %1</translation>
    </message>
    <message>
        <source>Add interface %1</source>
        <translation>Adicionar interface %1</translation>
    </message>
    <message>
        <source>Remove interface %1</source>
        <translation>Remover interface %1</translation>
    </message>
    <message>
        <source>Rename interface to %1</source>
        <translation>Renomear interface para %1</translation>
    </message>
    <message>
        <source>Add link %1</source>
        <translation>Adicionar ligação %1</translation>
    </message>
    <message>
        <source>Remove link %1</source>
        <translation>Remover ligação %1</translation>
    </message>
    <message>
        <source>Set %1 = %2</source>
        <translation>Definir %1 = %2</translation>
    </message>
    <message>
        <source>Set default of %1</source>
        <translation>Definir valor padrão de %1</translation>
    </message>
    <message>
        <source>Set unit of %1</source>
        <translation>Definir unidade de %1</translation>
    </message>
    <message>
        <source>Set type of %1</source>
        <translation>Definir tipo de %1</translation>
    </message>
    <message>
        <source>Rename attribute to %1</source>
        <translation>Renomear atributo para %1</translation>
    </message>
    <message>
        <source>Rename to %1</source>
        <translation>Renomear para %1</translation>
    </message>
    <message>
        <source>Set class %1</source>
        <translation>Definir classe %1</translation>
    </message>
    <message>
        <source>Change description</source>
        <translation>Alterar descrição</translation>
    </message>
    <message>
        <source>Import library %1</source>
        <translation>Importar biblioteca %1</translation>
    </message>
    <message>
        <source>Remove library reference %1</source>
        <translation>Remover referência de biblioteca %1</translation>
    </message>
    <message>
        <source>Instances can only be added to an instance hierarchy or an element.</source>
        <translation>Instâncias só podem ser adicionadas a uma hierarquia de instâncias ou a um elemento.</translation>
    </message>
    <message>
        <source>Instantiate %1</source>
        <translation>Instanciar %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>The clipboard holds no elements.</source>
        <translation>A área de transferência não contém elementos.</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n element(s)</source>
        <translation>
            <numerusform>Colar %n elemento</numerusform>
            <numerusform>Colar %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste into an instance hierarchy or an element.</source>
        <translation>Cole em uma hierarquia de instâncias ou em um elemento.</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n element(s)</source>
        <translation>
            <numerusform>Duplicar %n elemento</numerusform>
            <numerusform>Duplicar %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear role</source>
        <translation>Remover papel</translation>
    </message>
    <message>
        <source>Set role %1</source>
        <translation>Definir papel %1</translation>
    </message>
</context>
<context>
    <name>dt::editor::DocumentController</name>
    <message>
        <source>Untitled</source>
        <translation>Sem título</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Novo documento</translation>
    </message>
    <message>
        <source>The document template could not be created.</source>
        <translation>Não foi possível criar o modelo de documento.</translation>
    </message>
    <message>
        <source>Open AutomationML file</source>
        <translation>Abrir arquivo AutomationML</translation>
    </message>
    <message>
        <source>AutomationML files (*.aml);;All files (*)</source>
        <translation>Arquivos AutomationML (*.aml);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abrindo %1…</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>Falha ao abrir</translation>
    </message>
    <message>
        <source>%1 could not be opened:
%2</source>
        <translation>Não foi possível abrir %1:
%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 aberto</translation>
    </message>
    <message>
        <source>AutomationML, CAEX 3.0 (*.aml)</source>
        <translation>AutomationML, CAEX 3.0 (*.aml)</translation>
    </message>
    <message>
        <source>AutomationML, CAEX 2.15 (*.aml)</source>
        <translation>AutomationML, CAEX 2.15 (*.aml)</translation>
    </message>
    <message>
        <source>Save AutomationML file</source>
        <translation>Salvar arquivo AutomationML</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Falha ao salvar</translation>
    </message>
    <message>
        <source>%1 could not be saved:
%2</source>
        <translation>Não foi possível salvar %1:
%2</translation>
    </message>
    <message>
        <source>Saved %1 (CAEX %2)</source>
        <translation>%1 salvo (CAEX %2)</translation>
    </message>
    <message>
        <source>Import library</source>
        <translation>Importar biblioteca</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 não é um arquivo.</translation>
    </message>
    <message>
        <source>Imported %1 as %2</source>
        <translation>%1 importado como %2</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <source>%1 has unsaved changes.</source>
        <translation>%1 tem alterações não salvas.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>Deseja salvá-las?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>an untitled document</source>
        <translation>um documento sem título</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Recuperar alterações não salvas</translation>
    </message>
    <message>
        <source>DT Workbench did not close properly. Unsaved changes to %1 were saved automatically at %2.</source>
        <translation>O DT Workbench não foi fechado corretamente. Alterações não salvas em %1 foram salvas automaticamente em %2.</translation>
    </message>
    <message>
        <source>Do you want to recover them?</source>
        <translation>Deseja recuperá-las?</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Mais tarde</translation>
    </message>
    <message>
        <source>Recovery data discarded</source>
        <translation>Dados de recuperação descartados</translation>
    </message>
    <message>
        <source>Recovery failed</source>
        <translation>Falha na recuperação</translation>
    </message>
    <message>
        <source>The recovery file could not be read:
%1</source>
        <translation>Não foi possível ler o arquivo de recuperação:
%1</translation>
    </message>
    <message>
        <source>Recovered the unsaved changes of %1</source>
        <translation>Alterações não salvas de %1 recuperadas</translation>
    </message>
</context>
<context>
    <name>dt::editor::DocumentIO</name>
    <message>
        <source>Opening was cancelled.</source>
        <translation>A abertura foi cancelada.</translation>
    </message>
    <message>
        <source>Another file operation is still running.</source>
        <translation>Outra operação de arquivo ainda está em andamento.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abrindo %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Abrindo</translation>
    </message>
    <message>
        <source>There is no document to save.</source>
        <translation>Não há documento para salvar.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Salvando %1…</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Salvando</translation>
    </message>
</context>
<context>
    <name>dt::editor::ElementActions</name>
    <message>
        <source>The document has no instance hierarchy to add to.</source>
        <translation>O documento não tem hierarquia de instâncias à qual adicionar.</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
    <message numerus="yes">
        <source>Set role of %n element(s)</source>
        <translation>
            <numerusform>Definir papel de %n elemento</numerusform>
            <numerusform>Definir papel de %n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n element(s)</source>
        <translation>
            <numerusform>%n elemento copiado</numerusform>
            <numerusform>%n elementos copiados</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Recortar</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n element(s)</source>
        <translation>
            <numerusform>%n elemento excluído</numerusform>
            <numerusform>%n elementos excluídos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n element(s) and the links to them: %1</source>
        <translation>
            <numerusform>%n elemento e as ligações para ele excluídos: %1</numerusform>
            <numerusform>%n elementos e as ligações para eles excluídos: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;Child Element</source>
        <translation>Novo elemento &amp;filho</translation>
    </message>
    <message>
        <source>Add an empty element under the selected one</source>
        <translation>Adicionar um elemento vazio sob o selecionado</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Re&amp;nomear</translation>
    </message>
    <message>
        <source>Set &amp;Role…</source>
        <translation>Definir &amp;papel…</translation>
    </message>
    <message>
        <source>Choose the role class the selected elements support</source>
        <translation>Escolher a classe de papel que os elementos selecionados suportam</translation>
    </message>
    <message>
        <source>Add &amp;Interface…</source>
        <translation>Adicionar &amp;interface…</translation>
    </message>
    <message>
        <source>Add an interface from an interface class</source>
        <translation>Adicionar uma interface a partir de uma classe de interface</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Recor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;olar</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>Copy the selected elements next to themselves, with new IDs</source>
        <translation>Copiar os elementos selecionados ao lado deles mesmos, com novos IDs</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;xcluir</translation>
    </message>
    <message>
        <source>Delete the selected elements and the links to them</source>
        <translation>Excluir os elementos selecionados e as ligações para eles</translation>
    </message>
</context>
<context>
    <name>dt::editor::ElementDetailsWidget</name>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>%1 attributes, %2 interfaces, %3 child elements, %4 links</source>
        <translation>%1 atributos, %2 interfaces, %3 elementos filhos, %4 ligações</translation>
    </message>
    <message numerus="yes">
        <source>%n child element(s)</source>
        <translation>
            <numerusform>%n elemento filho</numerusform>
            <numerusform>%n elementos filhos</numerusform>
        </translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Select an element in the instance hierarchy.</source>
        <translation>Selecione um elemento na hierarquia de instâncias.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Caminho:</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Classe:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Conteúdo:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descrição:</translation>
    </message>
</context>
<context>
    <name>dt::editor::FindDock</name>
    <message>
        <source>%1 matches, the first %2 are listed</source>
        <translation>%1 resultados, os primeiros %2 estão listados</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Localizar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Caminho</translation>
    </message>
    <message>
        <source>XPath</source>
        <translation>XPath</translation>
    </message>
    <message>
        <source>Part of an element name</source>
        <translation>Parte do nome de um elemento</translation>
    </message>
    <message>
        <source>Hierarchy/Element/Child</source>
        <translation>Hierarquia/Elemento/Filho</translation>
    </message>
</context>
<context>
    <name>dt::editor::HierarchyDock</name>
    <message>
        <source>Instance Hierarchy</source>
        <translation>Hierarquia de instâncias</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filtrar por nome</translation>
    </message>
</context>
<context>
    <name>dt::editor::HierarchyModel</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Um nome não pode ser vazio.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>This cannot be dropped here.</source>
        <translation>Isto não pode ser solto aqui.</translation>
    </message>
    <message numerus="yes">
        <source>Move %n element(s)</source>
        <translation>
            <numerusform>Mover %n elemento</numerusform>
            <numerusform>Mover %n elementos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dt::editor::InterfaceModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Ligações</translation>
    </message>
</context>
<context>
    <name>dt::editor::InterfacesDock</name>
    <message>
        <source>These interfaces cannot be linked: they need IDs and a common element.</source>
        <translation>Estas interfaces não podem ser ligadas: elas precisam de IDs e de um elemento em comum.</translation>
    </message>
    <message numerus="yes">
        <source>Links: %n</source>
        <translation>
            <numerusform>Ligações: %n</numerusform>
            <numerusform>Ligações: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken</source>
        <translation>
            <numerusform>%n quebrada</numerusform>
            <numerusform>%n quebradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Interfaces (select an element)</source>
        <translation>Interfaces (selecione um elemento)</translation>
    </message>
    <message>
        <source>Interfaces of %1</source>
        <translation>Interfaces de %1</translation>
    </message>
    <message>
        <source>Interfaces &amp; Links</source>
        <translation>Interfaces &amp; ligações</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <source>Add an interface from an interface class</source>
        <translation>Adicionar uma interface a partir de uma classe de interface</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Remove the selected interface and its links</source>
        <translation>Remover a interface selecionada e suas ligações</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Ligar…</translation>
    </message>
    <message>
        <source>Link the selected interface to another one (or drag it onto its partner)</source>
        <translation>Ligar a interface selecionada a outra (ou arrastá-la sobre a parceira)</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Remover ligação</translation>
    </message>
    <message>
        <source>Only the selected element</source>
        <translation>Somente o elemento selecionado</translation>
    </message>
</context>
<context>
    <name>dt::editor::LibrariesDock</name>
    <message>
        <source>Some libraries could not be loaded: %1</source>
        <translation>Algumas bibliotecas não puderam ser carregadas: %1</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotecas</translation>
    </message>
    <message>
        <source>Filter classes</source>
        <translation>Filtrar classes</translation>
    </message>
    <message>
        <source>Drag a class onto the instance hierarchy to use it</source>
        <translation>Arraste uma classe para a hierarquia de instâncias para usá-la</translation>
    </message>
</context>
<context>
    <name>dt::editor::LibraryModel</name>
    <message>
        <source>this document</source>
        <translation>este documento</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
</context>
<context>
    <name>dt::editor::LinkModel</name>
    <message>
        <source>side A</source>
        <translation>lado A</translation>
    </message>
    <message>
        <source>side B</source>
        <translation>lado B</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Side A</source>
        <translation>Lado A</translation>
    </message>
    <message>
        <source>Side B</source>
        <translation>Lado B</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Mantida por</translation>
    </message>
</context>
<context>
    <name>dt::editor::LinkPartnerDialog</name>
    <message>
        <source>Link to interface</source>
        <translation>Ligar à interface</translation>
    </message>
    <message>
        <source>Filter by element or interface</source>
        <translation>Filtrar por elemento ou interface</translation>
    </message>
    <message>
        <source>Element / interface</source>
        <translation>Elemento / interface</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>dt::editor::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desligado</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>The new language applies at once to the main window.</source>
        <translation>O novo idioma vale imediatamente para a janela principal.</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>Salvar automaticamente a cada:</translation>
    </message>
    <message>
        <source>Library folders:</source>
        <translation>Pastas de bibliotecas:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Pasta de bibliotecas</translation>
    </message>
</context>
<context>
    <name>dt::editor::ProblemsDock</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erro</numerusform>
            <numerusform>%n erros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Double-click a problem to select its element</source>
        <translation>Clique duas vezes em um problema para selecionar seu elemento</translation>
    </message>
</context>
<context>
    <name>dt::editor::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Informação</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravidade</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
</context>
<context>
    <name>dt::editor::RecoveryManager</name>
    <message>
        <source>Cannot create the recovery folder %1.</source>
        <translation>Não é possível criar a pasta de recuperação %1.</translation>
    </message>
    <message>
        <source>Cannot create the session marker in %1.</source>
        <translation>Não é possível criar o marcador de sessão em %1.</translation>
    </message>
</context>
<context>
    <name>dt::editor::UndoDock</name>
    <message>
        <source>Undo History</source>
        <translation>Histórico de desfazer</translation>
    </message>
    <message>
        <source>&lt;original document&gt;</source>
        <translation>&lt;documento original&gt;</translation>
    </message>
</context>
<context>
    <name>dt::viewers::EventListModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravidade</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Caminho</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
</context>
<context>
    <name>dt::viewers::EventListWidget</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 de %n evento</numerusform>
            <numerusform>%1 de %n eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>Filtrar eventos</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
    <message>
        <source>Clear the list (the stored history keeps the events)</source>
        <translation>Limpar a lista (o histórico armazenado mantém os eventos)</translation>
    </message>
</context>
<context>
    <name>dt::workbench</name>
    <message>
        <source>Cannot create %1</source>
        <translation>Não é possível criar %1</translation>
    </message>
</context>
<context>
    <name>dt::workbench::DeviceStatusWidget</name>
    <message>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>waiting to reconnect</source>
        <translation>aguardando para reconectar</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>%1 of %2 devices connected</source>
        <translation>%1 de %2 dispositivos conectados</translation>
    </message>
</context>
<context>
    <name>dt::workbench::LocalDeployer</name>
    <message>
        <source>Checking the model…</source>
        <translation>Verificando o modelo…</translation>
    </message>
    <message>
        <source>The runtime did not start the twin.</source>
        <translation>O runtime não iniciou o gêmeo.</translation>
    </message>
    <message numerus="yes">
        <source>The model has %n error(s); nothing was started.</source>
        <translation>
            <numerusform>O modelo tem %n erro; nada foi iniciado.</numerusform>
            <numerusform>O modelo tem %n erros; nada foi iniciado.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model has no DigitalTwin component: there is nothing to deploy.</source>
        <translation>O modelo não tem componente DigitalTwin: não há nada para implantar.</translation>
    </message>
    <message>
        <source>Starting dt-valvesim on %1…</source>
        <translation>Iniciando dt-valvesim em %1…</translation>
    </message>
    <message>
        <source>Deploying…</source>
        <translation>Implantando…</translation>
    </message>
    <message>
        <source>dt-valvesim was not found (DT_VALVESIM names it): local devices are not simulated</source>
        <translation>dt-valvesim não foi encontrado (DT_VALVESIM indica onde está): os dispositivos locais não são simulados</translation>
    </message>
</context>
<context>
    <name>dt::workbench::MainWindow</name>
    <message>
        <source>Untitled</source>
        <translation>Sem título</translation>
    </message>
    <message>
        <source>DT Workbench</source>
        <translation>DT Workbench</translation>
    </message>
    <message>
        <source>%1[*] — DT Workbench</source>
        <translation>%1[*] — DT Workbench</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Desfazer %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Refazer %1</translation>
    </message>
    <message>
        <source>About DT Workbench</source>
        <translation>Sobre o DT Workbench</translation>
    </message>
    <message>
        <source>&lt;b&gt;DT Workbench %1&lt;/b&gt;&lt;p&gt;Model, deploy and monitor AutomationML digital twins.&lt;/p&gt;</source>
        <translation>&lt;b&gt;DT Workbench %1&lt;/b&gt;&lt;p&gt;Modele, implante e monitore gêmeos digitais em AutomationML.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>E&amp;lement</source>
        <translation>E&amp;lemento</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Barra de ferramentas principal</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Novo</translation>
    </message>
    <message>
        <source>New document from the template with the DT libraries</source>
        <translation>Novo documento a partir do modelo com as bibliotecas DT</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Salvar &amp;como…</translation>
    </message>
    <message>
        <source>Save under a new name, as CAEX 3.0 or 2.15</source>
        <translation>Salvar com um novo nome, como CAEX 3.0 ou 2.15</translation>
    </message>
    <message>
        <source>&amp;Import Library…</source>
        <translation>&amp;Importar biblioteca…</translation>
    </message>
    <message>
        <source>Reference a library file so its classes can be used</source>
        <translation>Referenciar um arquivo de biblioteca para que suas classes possam ser usadas</translation>
    </message>
    <message>
        <source>E&amp;xport Snapshot…</source>
        <translation>E&amp;xportar instantâneo…</translation>
    </message>
    <message>
        <source>Export the live model with current values (available with a running twin)</source>
        <translation>Exportar o modelo ao vivo com os valores atuais (disponível com um gêmeo em execução)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Localizar…</translation>
    </message>
    <message>
        <source>Find elements by name, path or XPath</source>
        <translation>Localizar elementos por nome, caminho ou XPath</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Limpar lista</translation>
    </message>
    <message>
        <source>&amp;About DT Workbench</source>
        <translation>&amp;Sobre o DT Workbench</translation>
    </message>
</context>
<context>
    <name>dt::workbench::MonitorController</name>
    <message>
        <source>Simulator stopped: %1</source>
        <translation>Simulador parado: %1</translation>
    </message>
    <message>
        <source>--deploy: no model file was opened</source>
        <translation>--deploy: nenhum arquivo de modelo foi aberto</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Implantar</translation>
    </message>
    <message>
        <source>There is no document to deploy.</source>
        <translation>Não há documento para implantar.</translation>
    </message>
    <message>
        <source>no temporary folder</source>
        <translation>nenhuma pasta temporária</translation>
    </message>
    <message>
        <source>The model could not be written for the runtime.</source>
        <translation>Não foi possível gravar o modelo para o runtime.</translation>
    </message>
    <message numerus="yes">
        <source>Running %1: %n device(s)</source>
        <translation>
            <numerusform>Executando %1: %n dispositivo</numerusform>
            <numerusform>Executando %1: %n dispositivos</numerusform>
        </translation>
    </message>
    <message>
        <source>, simulated by dt-valvesim on %1</source>
        <translation>, simulado pelo dt-valvesim em %1</translation>
    </message>
    <message numerus="yes">
        <source> (%n warning(s): Runtime ▸ Deploy Report)</source>
        <translation>
            <numerusform> (%n aviso: Runtime ▸ Relatório de implantação)</numerusform>
            <numerusform> (%n avisos: Runtime ▸ Relatório de implantação)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy failed: %1</source>
        <translation>Falha na implantação: %1</translation>
    </message>
    <message>
        <source>Deploy failed</source>
        <translation>Falha na implantação</translation>
    </message>
    <message>
        <source>Runtime stopped</source>
        <translation>Runtime parado</translation>
    </message>
    <message>
        <source>Snapshot written to %1</source>
        <translation>Instantâneo gravado em %1</translation>
    </message>
    <message>
        <source>Export Snapshot</source>
        <translation>Exportar instantâneo</translation>
    </message>
    <message>
        <source>The snapshot could not be written.</source>
        <translation>Não foi possível gravar o instantâneo.</translation>
    </message>
    <message>
        <source>AutomationML files (*.aml)</source>
        <translation>Arquivos AutomationML (*.aml)</translation>
    </message>
    <message>
        <source>Deploy Report</source>
        <translation>Relatório de implantação</translation>
    </message>
    <message>
        <source>The model deploys without errors.</source>
        <translation>O modelo é implantado sem erros.</translation>
    </message>
    <message>
        <source>The model has errors; nothing was started.</source>
        <translation>O modelo tem erros; nada foi iniciado.</translation>
    </message>
    <message>
        <source>&amp;Runtime</source>
        <translation>&amp;Runtime</translation>
    </message>
    <message>
        <source>&amp;Deploy Locally</source>
        <translation>&amp;Implantar localmente</translation>
    </message>
    <message>
        <source>Check the model and run its twin in this window, with simulated valves for local devices nobody serves (F5)</source>
        <translation>Verificar o modelo e executar seu gêmeo nesta janela, com válvulas simuladas para dispositivos locais que ninguém atende (F5)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>Stop the running twin and the simulators (Shift+F5)</source>
        <translation>Parar o gêmeo em execução e os simuladores (Shift+F5)</translation>
    </message>
    <message>
        <source>Simulate &amp;Local Devices</source>
        <translation>Simular dispositivos &amp;locais</translation>
    </message>
    <message>
        <source>Start dt-valvesim for Modbus TCP devices on this computer that nothing serves</source>
        <translation>Iniciar o dt-valvesim para dispositivos Modbus TCP neste computador que nada atende</translation>
    </message>
    <message>
        <source>Deploy &amp;Report…</source>
        <translation>&amp;Relatório de implantação…</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
</context>
<context>
    <name>dt::workbench::QualityDelegate</name>
    <message>
        <source>Live quality: %1</source>
        <translation>Qualidade ao vivo: %1</translation>
    </message>
</context>
<context>
    <name>dt::workbench::SimulatorLauncher</name>
    <message>
        <source>dt-valvesim did not report listening within %1 s</source>
        <translation>o dt-valvesim não informou que está escutando em %1 s</translation>
    </message>
    <message>
        <source>dt-valvesim was not found (looked next to this program and in PATH; DT_VALVESIM names it explicitly)</source>
        <translation>o dt-valvesim não foi encontrado (procurado ao lado deste programa e no PATH; DT_VALVESIM o indica explicitamente)</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>terminou com o código %1</translation>
    </message>
    <message>
        <source>dt-valvesim (%1): %2</source>
        <translation>dt-valvesim (%1): %2</translation>
    </message>
</context>
</TS>
